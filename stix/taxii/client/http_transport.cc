#include "stix/taxii/client/http_transport.h"

#include "absl/strings/match.h"
#include "stix/base/strings.h"

namespace stixkit::taxii {

std::string_view HttpResponse::Header(std::string_view name) const {
  for (const HttpHeader& h : headers) {
    if (absl::EqualsIgnoreCase(Av(h.name), Av(name))) return h.value;
  }
  return {};
}

}  // namespace stixkit::taxii
