// Fuzz target: ReadDocument with the format forced to text, so the text reader sees
// every input (text clean-up and the size limits run first, as for real reports).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "converters/read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace convert = stixkit::convert;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto doc = convert::ReadDocument("fuzz.text", bytes, convert::Format::kText);
  (void)doc;
  return 0;
}
