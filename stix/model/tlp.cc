#include "stix/model/tlp.h"

#include <cstdlib>
#include <iostream>

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/base/embedded_files.h"

namespace stixkit::stix {
namespace {

[[noreturn]] void Malformed(const char* what) {
  std::cerr << "stixkit: embedded stix/data/tlp.json is malformed: " << what << "\n";
  std::abort();
}

std::string Compact(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return buffer.GetString();
}

// TLP 1.0 keeps its level in definition.tlp, TLP 2.0 in the extension's tlp_2_0.
std::string LevelOf(const rapidjson::Value& m) {
  if (m.HasMember("definition") && m["definition"].HasMember("tlp")) {
    return m["definition"]["tlp"].GetString();
  }
  if (m.HasMember("extensions")) {
    for (const auto& ext : m["extensions"].GetObject()) {
      if (ext.value.HasMember("tlp_2_0")) return ext.value["tlp_2_0"].GetString();
    }
  }
  Malformed("a marking without a TLP level");
}

std::vector<TlpMarking> Load() {
  const auto text = FindEmbeddedFile("stix/data/tlp.json");
  if (!text) Malformed("not embedded");
  rapidjson::Document doc;
  if (doc.Parse(text->data(), text->size()).HasParseError()) Malformed("not JSON");
  std::vector<TlpMarking> out;
  for (const char* version : {"1.0", "2.0"}) {
    const std::string key = std::string("tlp-") + version;
    if (!doc.HasMember(key.c_str())) Malformed("a TLP version block is missing");
    for (const auto& m : doc[key.c_str()]["marking_definitions"].GetArray()) {
      out.push_back({m["id"].GetString(), version, LevelOf(m), m["name"].GetString(), Compact(m)});
    }
  }
  return out;
}

}  // namespace

const std::vector<TlpMarking>& AllTlpMarkings() {
  static const auto* markings = new std::vector<TlpMarking>(Load());
  return *markings;
}

const TlpMarking* FindTlpMarking(std::string_view id) {
  for (const TlpMarking& m : AllTlpMarkings()) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace stixkit::stix
