// A self-signed certificate for TLS tests on 127.0.0.1: a P-256 key and a certificate
// with CN and subjectAltName IP:127.0.0.1 (certificate checks of IP addresses use the
// SAN), valid for an hour either side of now, written as `dir`/cert.pem and
// `dir`/key.pem. Fails the current test if OpenSSL cannot make them.
#ifndef STIXKIT_TESTS_SUPPORT_TEST_CERTIFICATE_H_
#define STIXKIT_TESTS_SUPPORT_TEST_CERTIFICATE_H_

#include <string>

namespace stixkit::testing {

void WriteSelfSignedCertificate(const std::string& dir);

}  // namespace stixkit::testing

#endif  // STIXKIT_TESTS_SUPPORT_TEST_CERTIFICATE_H_
