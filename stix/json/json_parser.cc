#include "stix/json/json_parser.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "stix/base/strings.h"
#include "stix/base/utf8.h"
#include "rapidjson/error/en.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace stixkit::stix {
namespace {

// I-JSON (RFC 7493 §2.2): integers beyond 2^53 lose precision in IEEE doubles.
constexpr int64_t kMaxSafeInteger = (int64_t{1} << 53) - 1;

// Forwards SAX events to a Document while enforcing depth and number rules. Numbers
// arrive as text (kParseNumbersAsStringsFlag) so that an integer literal can be told
// from a float and range-checked exactly.
class CheckingHandler {
 public:
  CheckingHandler(rapidjson::Document& doc, const JsonLimits& limits)
      : doc_(doc), limits_(limits) {}

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(int64_t i) { return doc_.Int64(i); }
  bool Uint64(uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return doc_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool StartObject() { return Enter() && doc_.StartObject(); }
  bool EndObject(rapidjson::SizeType n) {
    --depth_;
    return doc_.EndObject(n);
  }
  bool StartArray() { return Enter() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    --depth_;
    return doc_.EndArray(n);
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    const std::string_view text(s, n);
    if (text.find_first_of(".eE") == std::string_view::npos) {
      int64_t value = 0;
      if (!absl::SimpleAtoi(Av(text), &value) || value > kMaxSafeInteger ||
          value < -kMaxSafeInteger) {
        return Fail(absl::StrCat("integer ", Av(text),
                                 " is outside the I-JSON range of -(2^53-1) to 2^53-1"));
      }
      return doc_.Int64(value);
    }
    double value = 0;
    if (!absl::SimpleAtod(Av(text), &value) || !std::isfinite(value)) {
      return Fail(absl::StrCat("number ", Av(text), " does not fit in an IEEE 754 double"));
    }
    return doc_.Double(value);
  }

  const std::string& failure() const { return failure_; }

 private:
  bool Enter() {
    if (++depth_ > limits_.max_depth) {
      return Fail(absl::StrCat("nesting deeper than ", limits_.max_depth,
                               " levels (limit: --max-depth)"));
    }
    return true;
  }
  bool Fail(std::string message) {
    failure_ = std::move(message);
    return false;
  }

  rapidjson::Document& doc_;
  const JsonLimits& limits_;
  size_t depth_ = 0;
  std::string failure_;
};

// RFC 8259 §4 says names SHOULD be unique; STIX consumers disagree on which duplicate
// wins, so a bundle with duplicates means different things to different tools.
const rapidjson::Value::Member* FindDuplicateKey(const rapidjson::Value& object) {
  const auto count = object.MemberCount();
  if (count < 2) return nullptr;
  if (count <= 12) {
    for (auto a = object.MemberBegin(); a != object.MemberEnd(); ++a) {
      for (auto b = a + 1; b != object.MemberEnd(); ++b) {
        if (a->name == b->name) return &*b;
      }
    }
    return nullptr;
  }
  std::vector<const rapidjson::Value::Member*> members;
  members.reserve(count);
  for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) members.push_back(&*m);
  auto by_name = [](const auto* a, const auto* b) {
    return std::string_view(a->name.GetString(), a->name.GetStringLength()) <
           std::string_view(b->name.GetString(), b->name.GetStringLength());
  };
  std::sort(members.begin(), members.end(), by_name);
  for (size_t i = 1; i < members.size(); ++i) {
    if (members[i - 1]->name == members[i]->name) return members[i];
  }
  return nullptr;
}

// Depth-first search for a duplicate key; returns its JSON pointer, or "" if none.
bool FindDuplicatePath(const rapidjson::Value& value, std::string* path) {
  if (value.IsObject()) {
    if (const auto* dup = FindDuplicateKey(value)) {
      absl::StrAppend(path, "/", dup->name.GetString());
      return true;
    }
    for (const auto& m : value.GetObject()) {
      const size_t keep = path->size();
      absl::StrAppend(path, "/", m.name.GetString());
      if (FindDuplicatePath(m.value, path)) return true;
      path->resize(keep);
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      const size_t keep = path->size();
      absl::StrAppend(path, "/", i);
      if (FindDuplicatePath(value[i], path)) return true;
      path->resize(keep);
    }
  }
  return false;
}

std::string ReaderMessage(rapidjson::ParseErrorCode code) {
  std::string text = rapidjson::GetParseError_En(code);
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.empty()) text[0] = absl::ascii_tolower(text[0]);
  return text;
}

}  // namespace

LineColumn SpanLineColumn(const JsonSpan& span, size_t offset) {
  const LineColumn inner = LineColumnAt(span.text, offset);
  if (inner.line == 1) return {span.start.line, span.start.column + inner.column - 1};
  return {span.start.line + inner.line - 1, inner.column};
}

absl::Status ParseJson(const JsonSpan& span, std::string_view path, const JsonLimits& limits,
                       rapidjson::Document* doc) {
  // UTF-8 is checked up front, word by word: RapidJSON's own check decodes every
  // character and cost nearly half of the parse.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  auto error_at = [&](size_t offset, std::string_view message, absl::StatusCode code) {
    const LineColumn at = SpanLineColumn(span, offset);
    return absl::Status(code, absl::StrCat(Av(path), ":", at.line, ":", at.column, ": ", Av(message)));
  };
  if (const size_t bad = FindInvalidUtf8(span.text); bad != std::string_view::npos) {
    return error_at(bad, "invalid UTF-8; STIX JSON must be UTF-8 (RFC 8259 §8.1)",
                    absl::StatusCode::kInvalidArgument);
  }
  rapidjson::Reader reader;
  CheckingHandler handler(*doc, limits);
  rapidjson::MemoryStream stream(span.text.data(), span.text.size());
  auto generator = [&](rapidjson::Document&) {
    return !reader.Parse<kFlags>(stream, handler).IsError();
  };
  doc->Populate(generator);
  if (reader.HasParseError()) {
    const auto code = reader.GetParseErrorCode();
    std::string message = handler.failure().empty()
                              ? ReaderMessage(code)
                              : handler.failure();
    const bool truncated = code == rapidjson::kParseErrorObjectMissCommaOrCurlyBracket ||
                           code == rapidjson::kParseErrorArrayMissCommaOrSquareBracket ||
                           code == rapidjson::kParseErrorStringMissQuotationMark;
    const bool at_end = reader.GetErrorOffset() >= span.text.size();
    if (code == rapidjson::kParseErrorNumberTooBig) {
      message = "number does not fit in an IEEE 754 double (I-JSON, RFC 7493 §2.2)";
    }
    return error_at(reader.GetErrorOffset(), message,
                    truncated && at_end ? absl::StatusCode::kDataLoss
                                        : absl::StatusCode::kInvalidArgument);
  }
  std::string dup_path;
  if (FindDuplicatePath(*doc, &dup_path)) {
    return error_at(0,
                    absl::StrCat("duplicate member name at ", dup_path,
                                 "; a JSON object may name each member once"),
                    absl::StatusCode::kInvalidArgument);
  }
  return absl::OkStatus();
}

}  // namespace stixkit::stix
