// Shared pieces of the hostile-input tests (tests/hardening/): a deterministic random
// source, the mutators the mutation tests apply, and the real entry points wrapped the way
// a user reaches them (the validator, the pattern parser, the three readers, the convert
// pipeline, the IOC extractor).
//
//   Prng prng(42);
//   std::string mutant = Mutate(seed, seeds, prng);
//   const stix::FileReport report = ValidateForTest(mutant);
//
// Every helper is deterministic for a given seed; nothing reads the clock or the network.
// The wrapped validator is created once per process and is thread-safe. Header-only:
// tests/CMakeLists.txt compiles only *_test.cc files and tests/support/.
#ifndef STIXKIT_TESTS_HARDENING_HOSTILE_INPUT_H_
#define STIXKIT_TESTS_HARDENING_HOSTILE_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "converters/convert.h"
#include "converters/read/reader.h"
#include "stix/validate/validator.h"
#include "tests/support/paths.h"

namespace stixkit::testing {

// Sanitizer builds run 5-20x slower; loops that are sized for the Release build scale
// themselves down there (and only there), so the Release run keeps the full counts.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// `s` written `n` times in a row, for nested and huge inputs.
inline std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// SplitMix64: tiny, fast, and the same sequence on every platform and standard library
// (std:: distributions are not), so a failing mutant can be reproduced from its index.
class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); 0 when n is 0.
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

// One mutant of `input`: 1-4 rounds of bit flips, byte overwrites (often with bytes that
// matter to the parsers: quotes, brackets, backslashes, NUL, invalid UTF-8 lead bytes),
// insertions, deletions, splices from another seed and repeated chunks. The result is
// at most `max_bytes` long.
inline std::string Mutate(std::string_view input, const std::vector<std::string>& seeds,
                          Prng& prng, size_t max_bytes = 64 << 10) {
  static constexpr char kBytes[] =
      "{}[]()\"\\:,'<>&;#-*\n\r\t \0\xC0\xE0\xED\xF0\xF4\xF8\xFF\x80\xBF";
  static constexpr std::string_view kInteresting(kBytes, sizeof kBytes - 1);
  std::string s(input);
  const int rounds = 1 + static_cast<int>(prng.Below(4));
  for (int r = 0; r < rounds; ++r) {
    const size_t at = prng.Below(s.size() + 1);
    switch (prng.Below(7)) {
      case 0:  // flip one bit
        if (!s.empty()) s[prng.Below(s.size())] ^= static_cast<char>(1u << prng.Below(8));
        break;
      case 1:  // overwrite a byte with one the parsers care about
        if (!s.empty()) s[prng.Below(s.size())] = kInteresting[prng.Below(kInteresting.size())];
        break;
      case 2: {  // insert 1-8 bytes, random or interesting
        const size_t n = 1 + prng.Below(8);
        std::string bytes;
        for (size_t i = 0; i < n; ++i) {
          bytes += prng.Below(2) ? kInteresting[prng.Below(kInteresting.size())]
                                 : static_cast<char>(prng.Below(256));
        }
        s.insert(at, bytes);
        break;
      }
      case 3:  // delete a range
        if (!s.empty()) s.erase(at, 1 + prng.Below(std::min<size_t>(s.size(), 64)));
        break;
      case 4: {  // splice: the head of this input and the tail of another seed
        const std::string& other = seeds[prng.Below(seeds.size())];
        s = s.substr(0, at) + other.substr(prng.Below(other.size() + 1));
        break;
      }
      case 5: {  // repeat a chunk 2-64 times (deep nesting, long runs)
        if (s.empty()) break;
        const size_t from = prng.Below(s.size());
        const std::string chunk = s.substr(from, 1 + prng.Below(16));
        const size_t times = 2 + prng.Below(63);
        std::string run;
        for (size_t i = 0; i < times; ++i) run += chunk;
        s.insert(from, run);
        break;
      }
      default:  // truncate
        s.resize(at);
    }
    if (s.size() > max_bytes) s.resize(max_bytes);
  }
  return s;
}

// The file under samples/ (bundles/..., reports/...).
inline std::string Sample(std::string_view relative_path) {
  return ReadTestFile(SourceDir() + "/samples/" + std::string(relative_path));
}

// The validator with default options and one worker thread, created once.
inline const stix::Validator& TestValidator() {
  static const stix::Validator* validator = [] {
    stix::ValidatorSettings settings;
    settings.jobs = 1;
    auto v = stix::Validator::Create({}, settings);
    if (!v.ok()) FAIL("cannot create the validator: " << v.status());
    return new stix::Validator(std::move(*v));
  }();
  return *validator;
}

// TestValidator().ValidateText(text, name).
inline stix::FileReport ValidateForTest(std::string_view text,
                                        const std::string& name = "in.json") {
  return TestValidator().ValidateText(text, name);
}

// The options ConvertForTest uses: --now 2026-04-01T12:00:00Z, author "stixkit".
inline convert::ConvertOptions TestConvertOptions() {
  convert::ConvertOptions options;
  options.now = absl::FromUnixSeconds(1775044800);
  return options;
}

// ConvertReport with TestConvertOptions and TestValidator.
inline absl::StatusOr<convert::Conversion> ConvertForTest(
    std::string_view name, std::string_view bytes,
    std::optional<convert::Format> format = std::nullopt, const convert::ReadLimits& limits = {}) {
  return convert::ConvertReport(name, bytes, format, TestConvertOptions(), TestValidator(),
                                limits);
}

// True when `status` is a clean refusal of the input: InvalidArgument or DataLoss whose
// message starts with "<name>:". Anything else (Internal, a message without the file's
// name) is a bug.
inline bool IsCleanInputError(const absl::Status& status, std::string_view name) {
  const bool input_code = status.code() == absl::StatusCode::kInvalidArgument ||
                          status.code() == absl::StatusCode::kDataLoss;
  const std::string prefix = std::string(name) + ":";
  return input_code && std::string(status.message()).rfind(prefix, 0) == 0;
}

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_HARDENING_HOSTILE_INPUT_H_
