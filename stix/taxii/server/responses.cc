// Writing TAXII resources and error resources into cpp-httplib responses.
#include "stix/taxii/media_type.h"
#include "stix/taxii/server/internal/service.h"

namespace stixkit::taxii::server_internal {

void SendResource(httplib::Response& res, int http_status, std::string json) {
  res.status = http_status;
  res.set_content(std::move(json), std::string(kTaxii21MediaType).c_str());
}

void SendError(httplib::Response& res, const TaxiiError& error) {
  SendResource(res, error.http_status, ErrorBody(error));
}

void SendError(httplib::Response& res, int http_status, std::string description) {
  SendError(res, TaxiiError::Make(http_status, std::move(description)));
}

}  // namespace stixkit::taxii::server_internal
