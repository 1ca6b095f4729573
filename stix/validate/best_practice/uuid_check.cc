// Check 103 uuid-check (STIX 2.1 section 2.9): SDOs, SROs, meta objects and bundles
// should use UUIDv4 ids, SCOs UUIDv5, except process, whose ids are v4. Mirrors
// v21/shoulds.py uuid_check, including that an observed-data with the deprecated
// `objects` counts as an SCO there and so is expected to carry a UUIDv5.
#include <array>
#include <optional>

#include "stix/validate/best_practice/internal/cat.h"
#include "stix/validate/best_practice/internal/checks.h"

namespace stixkit::stix::best_practice {
namespace {

// Every object passes through here, so hex digits are decoded by table lookup.
constexpr std::array<signed char, 256> kHex = [] {
  std::array<signed char, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<signed char>(i);
  for (int i = 0; i < 6; ++i) {
    t['a' + i] = static_cast<signed char>(10 + i);
    t['A' + i] = static_cast<signed char>(10 + i);
  }
  return t;
}();

int HexValue(char c) { return kHex[static_cast<unsigned char>(c)]; }

// The version of the UUID after the last "--" of `id`, as Python's uuid.UUID reads it:
// hyphens anywhere, exactly 32 hex digits; 0 when the variant is not RFC 4122 (Python
// reports None, which is never the expected version); nullopt when it does not parse
// (the schema stage reports malformed ids).
std::optional<int> UuidVersion(std::string_view id) {
  const size_t sep = id.rfind("--");
  const std::string_view text = sep == std::string_view::npos ? id : id.substr(sep + 2);
  int digits[32];
  int n = 0;
  for (char c : text) {
    if (c == '-') continue;
    const int v = HexValue(c);
    if (v < 0 || n == 32) return std::nullopt;
    digits[n++] = v;
  }
  if (n != 32) return std::nullopt;
  // RFC 4122 section 4.1.1: the variant is 10xx in the top bits of clock_seq_hi.
  if ((digits[16] & 0xC) != 0x8) return 0;
  return digits[12];
}

}  // namespace

void CheckUuid(const ObjectInfo& info, const CheckContext& ctx, Findings* out) {
  if (!ctx.selection.Runs("103") || info.id.empty()) return;
  const std::optional<int> version = UuidVersion(info.id);
  if (!version) return;
  const bool wants_v5 = info.has_observable_data && info.type != "process";
  const int expected = wants_v5 ? 5 : 4;
  if (*version == expected) return;
  Warn(info, "103", "/id",
       Cat({wants_v5 ? "cyber observable id '" : "id '", info.id, "' should use a UUIDv",
            std::to_string(expected), ", found ",
            *version == 0 ? std::string("a non-RFC 4122 UUID")
                          : Cat({"a UUIDv", std::to_string(*version)})}),
       out);
}

}  // namespace stixkit::stix::best_practice
