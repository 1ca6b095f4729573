// The external reference that ties an object to ATT&CK: source_name "mitre-attack",
// the ATT&CK id, and its page (T1566.001 -> https://attack.mitre.org/techniques/T1566/001/).
// This is how consumers (OpenCTI, MISP, Navigator) recognise the technique, group or
// software without sharing MITRE's object ids.
#ifndef STIXKIT_CONVERTERS_BUILD_ATTACK_REFERENCE_H_
#define STIXKIT_CONVERTERS_BUILD_ATTACK_REFERENCE_H_

#include <string>
#include <string_view>

#include "converters/build/stix_object.h"

namespace stixkit::convert {

// The ATT&CK web page of a technique (T…), tactic (TA…), software (S…), group (G…) or
// mitigation (M…) id; "" for anything else.
std::string AttackUrl(std::string_view attack_id);

// Sets `external_references` of `o` to the one mitre-attack reference for `attack_id`.
void SetAttackReference(StixObject& o, std::string_view attack_id);

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_ATTACK_REFERENCE_H_
