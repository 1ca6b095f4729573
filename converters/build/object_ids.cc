#include "converters/build/object_ids.h"

#include <openssl/sha.h>

#include <string>

namespace stixkit::convert {
namespace {

// The namespace under which each producer's own namespace is derived (a fixed UUIDv4;
// changing it would change every id stixkit has ever produced).
constexpr std::string_view kProducerNamespaceRoot = "6f4c2a8e-2b1d-4c7e-9a55-3d0e7b9f1c42";

}  // namespace

ObjectIds::ObjectIds(std::string_view producer)
    : namespace_(stix::UuidV5(kProducerNamespaceRoot, producer)) {}

std::string ObjectIds::Make(std::string_view type, std::string_view key) const {
  std::string input(namespace_.bytes.begin(), namespace_.bytes.end());
  input.append(type);
  input.push_back('\0');  // keeps ("ab","c") and ("a","bc") apart
  input.append(key);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  stix::Uuid uuid;
  for (size_t i = 0; i < uuid.bytes.size(); ++i) uuid.bytes[i] = digest[i];
  uuid.bytes[6] = (uuid.bytes[6] & 0x0f) | 0x40;  // version 4 (RFC 4122 §4.4)
  uuid.bytes[8] = (uuid.bytes[8] & 0x3f) | 0x80;  // RFC 4122 variant
  std::string id(type);
  id.append("--");
  id.append(uuid.ToString());
  return id;
}

}  // namespace stixkit::convert
