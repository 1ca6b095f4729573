// The one Validator a fuzz target reuses for every input: default options, one thread
// (libFuzzer runs inputs one at a time), created on first use. Aborts if it cannot be
// created, which only a broken build can cause.
#ifndef STIXKIT_TESTS_FUZZ_SHARED_VALIDATOR_H_
#define STIXKIT_TESTS_FUZZ_SHARED_VALIDATOR_H_

#include <cstdlib>
#include <utility>

#include "stix/validate/validator.h"

namespace stixkit::fuzz {

inline const stix::Validator& SharedValidator() {
  static const stix::Validator* validator = [] {
    stix::ValidatorSettings settings;
    settings.jobs = 1;
    auto v = stix::Validator::Create({}, settings);
    if (!v.ok()) std::abort();
    return new stix::Validator(std::move(*v));
  }();
  return *validator;
}

}  // namespace stixkit::fuzz

#endif  // STIXKIT_TESTS_FUZZ_SHARED_VALIDATOR_H_
