#include "stix/taxii/envelope.h"

#include "absl/strings/str_cat.h"
#include "rapidjson/document.h"
#include "stix/json/json_access.h"

namespace stixkit::taxii {
namespace {

constexpr std::string_view kOpen = "{\"objects\":[";
constexpr std::string_view kClose = "]}";
constexpr size_t kEmptyEnvelopeBytes = 2;  // "{}"

// The id of an object text for messages; "" when it has none or is not JSON.
std::string IdOf(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) return "";
  return std::string(stix::IdOf(doc));
}

}  // namespace

size_t EnvelopeSize(absl::Span<const std::string> texts) {
  if (texts.empty()) return kEmptyEnvelopeBytes;
  size_t bytes = kOpen.size() + kClose.size() + (texts.size() - 1);  // commas
  for (const std::string& t : texts) bytes += t.size();
  return bytes;
}

std::string EnvelopeJson(absl::Span<const std::string> texts) {
  if (texts.empty()) return "{}";
  std::string out;
  out.reserve(EnvelopeSize(texts));
  out += kOpen;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    out += texts[i];
  }
  out += kClose;
  return out;
}

absl::StatusOr<std::vector<EnvelopeSlice>> PlanEnvelopes(absl::Span<const std::string> texts,
                                                         size_t max_bytes) {
  std::vector<EnvelopeSlice> slices;
  const size_t frame = kOpen.size() + kClose.size();
  EnvelopeSlice current;
  for (size_t i = 0; i < texts.size(); ++i) {
    const size_t alone = frame + texts[i].size();
    if (alone > max_bytes) {
      const std::string id = IdOf(texts[i]);
      return absl::InvalidArgumentError(absl::StrCat(
          "objects[", i, "]", id.empty() ? "" : absl::StrCat(" (", id, ")"), ": alone it makes a ",
          alone, "-byte envelope, over the limit of ", max_bytes, " bytes"));
    }
    const size_t grown = current.bytes + 1 + texts[i].size();  // a comma and the object
    if (current.end > current.begin && grown > max_bytes) {
      slices.push_back(current);
      current = EnvelopeSlice{i, i, 0};
    }
    if (current.end == current.begin) {
      current.bytes = alone;
    } else {
      current.bytes = grown;
    }
    current.end = i + 1;
  }
  if (current.end > current.begin) slices.push_back(current);
  return slices;
}

absl::StatusOr<std::vector<std::string>> SplitIntoEnvelopes(absl::Span<const std::string> texts,
                                                            size_t max_bytes) {
  absl::StatusOr<std::vector<EnvelopeSlice>> slices = PlanEnvelopes(texts, max_bytes);
  if (!slices.ok()) return slices.status();
  std::vector<std::string> out;
  out.reserve(slices->size());
  for (const EnvelopeSlice& s : *slices) {
    out.push_back(EnvelopeJson(texts.subspan(s.begin, s.end - s.begin)));
  }
  return out;
}

}  // namespace stixkit::taxii
