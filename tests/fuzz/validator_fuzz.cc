// Fuzz target: raw bytes into stix::Validator::ValidateText, the entry point of
// `stixkit validate` for bundles, single objects and arrays of objects from anyone.
// Any result is fine (findings, or a fatal Status for non-JSON); crashes, hangs, leaks
// and sanitizer reports are not. One worker thread: libFuzzer measures one thread.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stix/validate/validator.h"
#include "tests/fuzz/shared_validator.h"

using stixkit::fuzz::SharedValidator;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const stixkit::stix::FileReport report = SharedValidator().ValidateText(text, "fuzz.json");
  // A valid report has no error findings; the counts must agree with the list.
  if (report.error_count() + report.warning_count() > report.findings.size()) abort();
  return 0;
}
