// Fuzz target: the STIX pattern parser (lexer, parser and both rule sets), which reads
// the `pattern` of every indicator a validator or converter sees.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "stix/pattern/checked_pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace pattern = stixkit::stix::pattern;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto reference = pattern::ParseCheckedPattern(text, pattern::PatternRules::kReference);
  const auto spec = pattern::ParseCheckedPattern(text, pattern::PatternRules::kSpec);
  // kSpec is kReference plus more rules: it can refuse more, never accept more.
  if (spec.ok() && !reference.ok()) __builtin_trap();
  return 0;
}
