#include "stix/model/identifier.h"

#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"

namespace stixkit::stix {

bool IsValidTypeName(std::string_view type) {
  if (type.size() < 3 || type.size() > 250) return false;
  if (type.front() < 'a' || type.front() > 'z') return false;
  for (char c : type) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return type.find("--") == std::string_view::npos;
}

absl::StatusOr<Identifier> ParseIdentifier(std::string_view text) {
  // The UUID is fixed-length, so split from the right: a type may contain single '-'.
  if (text.size() < 38 || text.substr(text.size() - 38, 2) != "--") {
    return absl::InvalidArgumentError(
        absl::StrCat("expected an identifier of the form type--uuid, got \"", Av(text), "\""));
  }
  const std::string_view type = text.substr(0, text.size() - 38);
  if (!IsValidTypeName(type)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "identifier \"", Av(text), "\" has an invalid type part \"", Av(type),
        "\"; expected 3-250 characters of a-z, 0-9 and '-' starting with a letter"));
  }
  const auto uuid = ParseUuid(text.substr(text.size() - 36));
  if (!uuid) {
    return absl::InvalidArgumentError(
        absl::StrCat("identifier \"", Av(text), "\" does not end in a UUID (8-4-4-4-12 hex)"));
  }
  return Identifier{std::string(type), *uuid};
}

}  // namespace stixkit::stix
