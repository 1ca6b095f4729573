#include "cli/validate_report.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "cli/version.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "stix/validate/check_selection.h"

namespace stixkit::cli {
namespace {

using stix::FileReport;
using stix::LocatedFinding;
using stix::Severity;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string Location(const FileReport& report, const LocatedFinding& f) {
  return absl::StrCat(report.path, ":", f.at.line, ":", f.at.column);
}

// "identity--…: {401} /foo: message", the reference's "<id>: {code} message" form.
std::string Describe(const LocatedFinding& f) {
  std::string text;
  if (!f.finding.object_id.empty()) absl::StrAppend(&text, f.finding.object_id, ": ");
  if (!f.finding.code.empty()) absl::StrAppend(&text, "{", f.finding.code, "} ");
  if (!f.finding.pointer.empty()) absl::StrAppend(&text, f.finding.pointer, ": ");
  absl::StrAppend(&text, f.finding.message);
  return text;
}

void Key(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteFindings(Writer& w, const FileReport& report, Severity severity) {
  w.StartArray();
  for (const LocatedFinding& f : report.findings) {
    if (f.finding.severity != severity) continue;
    w.StartObject();
    w.Key("code");
    if (f.finding.code.empty()) w.Null(); else w.String(f.finding.code.c_str());
    Key(w, "object_id", f.finding.object_id);
    Key(w, "pointer", f.finding.pointer);
    w.Key("line");
    w.Uint64(f.at.line);
    w.Key("column");
    w.Uint64(f.at.column);
    Key(w, "message", f.finding.message);
    w.EndObject();
  }
  w.EndArray();
}

std::string RuleId(const stix::Finding& f) {
  return f.code.empty() ? "stix-spec" : absl::StrCat("stix-", f.code);
}

void WriteSarifRules(Writer& w, const std::vector<FileReport>& reports) {
  std::set<std::string> codes;
  for (const auto& r : reports) {
    for (const auto& f : r.findings) codes.insert(f.finding.code);
  }
  w.Key("rules");
  w.StartArray();
  for (const std::string& code : codes) {
    std::string name = "spec-requirement";
    std::string text = "a schema or MUST rule of STIX 2.1";
    for (const auto& c : stix::AllCheckCodes()) {
      if (c.code == code) name = c.name, text = c.description;
    }
    w.StartObject();
    Key(w, "id", code.empty() ? "stix-spec" : absl::StrCat("stix-", code));
    Key(w, "name", name);
    w.Key("shortDescription");
    w.StartObject();
    Key(w, "text", text);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
}

void WriteSarifResult(Writer& w, const FileReport& r, const LocatedFinding* f) {
  w.StartObject();
  Key(w, "ruleId", f ? RuleId(f->finding) : "stix-fatal");
  Key(w, "level", !f || f->finding.severity == Severity::kError ? "error" : "warning");
  w.Key("message");
  w.StartObject();
  Key(w, "text", f ? Describe(*f) : std::string(r.fatal.message()));
  w.EndObject();
  w.Key("locations");
  w.StartArray();
  w.StartObject();
  w.Key("physicalLocation");
  w.StartObject();
  w.Key("artifactLocation");
  w.StartObject();
  Key(w, "uri", r.path);
  w.EndObject();
  if (f) {
    w.Key("region");
    w.StartObject();
    w.Key("startLine");
    w.Uint64(f->at.line);
    w.Key("startColumn");
    w.Uint64(f->at.column);
    w.EndObject();
  }
  w.EndObject();
  if (f && !f->finding.object_id.empty()) {
    w.Key("logicalLocations");
    w.StartArray();
    w.StartObject();
    Key(w, "fullyQualifiedName", f->finding.object_id + f->finding.pointer);
    w.EndObject();
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

}  // namespace

void WriteTextReport(const FileReport& report, bool silent, std::ostream& out) {
  if (silent) return;
  out << std::string(79, '=') << "\n[-] Results for: " << report.path << "\n";
  if (!report.fatal.ok()) {
    out << "    [X] Fatal Error: " << report.fatal.message() << "\n";
    return;
  }
  out << (report.valid() ? "    [+] STIX JSON: Valid\n" : "    [X] STIX JSON: Invalid\n");
  for (const LocatedFinding& f : report.findings) {
    const bool error = f.finding.severity == Severity::kError;
    out << (error ? "        [X] " : "        [!] Warning: ") << Location(report, f) << ": "
        << Describe(f) << "\n";
  }
}

std::string JsonReportLine(const FileReport& report) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  Key(w, "file", report.path);
  w.Key("valid");
  w.Bool(report.valid());
  w.Key("fatal");
  if (report.fatal.ok()) w.Null(); else w.String(std::string(report.fatal.message()).c_str());
  w.Key("objects");
  w.Uint64(report.object_count);
  w.Key("errors");
  WriteFindings(w, report, Severity::kError);
  w.Key("warnings");
  WriteFindings(w, report, Severity::kWarning);
  w.EndObject();
  return buffer.GetString();
}

std::string SarifReport(const std::vector<FileReport>& reports) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  Key(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  Key(w, "version", "2.1.0");
  w.Key("runs");
  w.StartArray();
  w.StartObject();
  w.Key("tool");
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  Key(w, "name", "stixkit");
  Key(w, "version", kVersion);
  WriteSarifRules(w, reports);
  w.EndObject();
  w.EndObject();
  w.Key("results");
  w.StartArray();
  for (const FileReport& r : reports) {
    if (!r.fatal.ok()) WriteSarifResult(w, r, nullptr);
    for (const LocatedFinding& f : r.findings) WriteSarifResult(w, r, &f);
  }
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

}  // namespace stixkit::cli
