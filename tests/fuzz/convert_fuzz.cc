// Fuzz target: the whole conversion of one report (format auto-detected): read, extract,
// map, build, bundle, validate. ConvertReport validates its own bundle and answers
// Internal when the bundle is invalid, which is a stixkit bug: abort so that libFuzzer
// reports the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "absl/time/time.h"
#include "converters/convert.h"
#include "tests/fuzz/shared_validator.h"

using stixkit::fuzz::SharedValidator;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace convert = stixkit::convert;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  convert::ConvertOptions options;
  options.now = absl::FromUnixSeconds(1735689600);  // 2025-01-01T00:00:00Z
  const auto result =
      convert::ConvertReport("fuzz-report", bytes, std::nullopt, options, SharedValidator());
  if (!result.ok() && result.status().code() == absl::StatusCode::kInternal) {
    fprintf(stderr, "convert_fuzz: invalid bundle built: %s\n",
            std::string(result.status().message()).c_str());
    abort();
  }
  return 0;
}
