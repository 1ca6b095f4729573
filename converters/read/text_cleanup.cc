#include "converters/read/text_cleanup.h"

#include <algorithm>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "converters/read/internal/plain_text.h"
#include "stix/base/strings.h"
#include "stix/base/utf8.h"

namespace stixkit::convert {
namespace {

// Like git, judge "binary or text" from the first 8 KB only: enough to see a file format's header,
// and it keeps the check cheap on large reports.
constexpr size_t kSniffBytes = 8192;
constexpr size_t kMaxWarningsPerKind = 50;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the UTF-8 sequence at text[i]. For an invalid one, `*valid` is false and the length
// is that of its maximal subpart, which Unicode §3.9 (U+FFFD substitution) replaces by a single
// U+FFFD.
size_t Utf8Step(std::string_view text, size_t i, bool* valid) {
  const auto c = static_cast<unsigned char>(text[i]);
  *valid = true;
  if (c < 0x80) return 1;
  int need = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *valid = false;
    return 1;
  }
  size_t k = 1;
  for (int j = 0; j < need; ++j, ++k) {
    if (i + k >= text.size()) {
      *valid = false;
      return k;
    }
    const auto b = static_cast<unsigned char>(text[i + k]);
    if (b < lo || b > hi) {
      *valid = false;
      return k;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return k;
}

bool IsControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B;
}

absl::Status BinaryError(std::string_view source_name, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat(Av(source_name), ": looks like a binary file, not a report (", Av(why), ")"));
}

// Refuses files whose first 8 KB are not text. `skipped` is the length of the byte order mark
// already removed, so that offsets count from the start of the file.
absl::Status SniffBinary(std::string_view source_name, std::string_view text, size_t skipped) {
  const size_t sample = std::min(text.size(), kSniffBytes);
  size_t nuls = 0;
  size_t first_nul = 0;
  size_t not_text = 0;
  for (size_t i = 0; i < sample;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0 && nuls++ == 0) first_nul = i;
    bool valid = true;
    const size_t n = Utf8Step(text, i, &valid);
    // Utf8Step reads past the sample when a sequence straddles its end.
    if (!valid) not_text += n;
    if (IsControl(c)) ++not_text;
    i += n;
  }
  if (nuls * 100 > sample) {
    return BinaryError(source_name,
                       absl::StrCat("found NUL bytes at offset ", first_nul + skipped));
  }
  if (not_text * 10 > sample * 3) {
    return BinaryError(
        source_name, absl::StrCat(not_text, " of the first ", sample, " bytes are not UTF-8 text"));
  }
  return absl::OkStatus();
}

// Appends cleaned lines and their warnings; see CleanUpText.
class Cleaner {
 public:
  explicit Cleaner(std::string_view text) { out_.text.reserve(text.size()); }

  void Line(std::string_view line, int number);
  void NewLine() { out_.text.push_back('\n'); }
  CleanText Finish() &&;

 private:
  struct WarningKind {
    std::string_view what;
    size_t count = 0;
  };
  void Warn(WarningKind& kind, int line);

  CleanText out_;
  WarningKind invalid_{"invalid UTF-8 replaced with U+FFFD"};
  WarningKind nul_{"NUL bytes removed"};
};

void Cleaner::Line(std::string_view line, int number) {
  if (std::memchr(line.data(), '\0', line.size()) == nullptr &&
      FindInvalidUtf8(line) == std::string_view::npos) {
    out_.text.append(line);
    return;
  }
  bool had_invalid = false;
  bool had_nul = false;
  for (size_t i = 0; i < line.size();) {
    if (line[i] == '\0') {
      had_nul = true;
      ++i;
      continue;
    }
    bool valid = true;
    const size_t n = Utf8Step(line, i, &valid);
    if (valid) {
      out_.text.append(line.substr(i, n));
    } else {
      out_.text.append(kReplacement);
      had_invalid = true;
    }
    i += n;
  }
  if (had_invalid) Warn(invalid_, number);
  if (had_nul) Warn(nul_, number);
}

void Cleaner::Warn(WarningKind& kind, int line) {
  if (++kind.count <= kMaxWarningsPerKind) {
    out_.warnings.push_back(absl::StrCat("line ", line, ": ", Av(kind.what)));
  }
}

CleanText Cleaner::Finish() && {
  for (const WarningKind* kind : {&invalid_, &nul_}) {
    if (kind->count > kMaxWarningsPerKind) {
      out_.warnings.push_back(
          absl::StrCat(Av(kind->what), " on ", kind->count - kMaxWarningsPerKind, " more lines"));
    }
  }
  return std::move(out_);
}

}  // namespace

absl::StatusOr<CleanText> CleanUpText(std::string_view source_name, std::string_view bytes) {
  const size_t skipped = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  const std::string_view text = bytes.substr(skipped);
  if (read_internal::IsBlank(text)) {
    return absl::InvalidArgumentError(absl::StrCat(Av(source_name), ": the file is empty"));
  }
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(source_name), ": the file is UTF-16 text; save it as UTF-8 and try again"));
  }
  if (absl::Status binary = SniffBinary(source_name, text, skipped); !binary.ok()) return binary;

  // "\r\n", a lone "\r" (old Mac files) and "\n" all end a line. The next '\n' and '\r' are found
  // with memchr and remembered, so a file of only '\r' stays linear.
  Cleaner cleaner(text);
  const char* data = text.data();
  auto find = [&](char c, size_t from) {
    const void* p = std::memchr(data + from, c, text.size() - from);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - data) : text.size();
  };
  size_t next_lf = find('\n', 0);
  size_t next_cr = find('\r', 0);
  int line = 1;
  for (size_t pos = 0; pos < text.size(); ++line) {
    if (next_lf < pos) next_lf = find('\n', pos);
    if (next_cr < pos) next_cr = find('\r', pos);
    const size_t end = std::min(next_lf, next_cr);
    cleaner.Line(text.substr(pos, end - pos), line);
    if (end == text.size()) break;
    cleaner.NewLine();
    pos = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  return std::move(cleaner).Finish();
}

}  // namespace stixkit::convert
