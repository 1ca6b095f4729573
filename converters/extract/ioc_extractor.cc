#include "converters/extract/ioc_extractor.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>

#include "converters/extract/internal/chars.h"
#include "converters/extract/internal/ioc_scanners.h"
#include "converters/extract/internal/ioc_syntax.h"
#include "converters/extract/refang.h"

namespace stixkit::convert {
namespace {

using internal::AsciiLowered;
using internal::RawHit;

// The text after refanging, and the way back to what the author wrote. The offset map
// is the marker list itself, searched by binary search; text without markers is not
// copied at all.
class RefangedText {
 public:
  explicit RefangedText(std::string_view original) {
    FindDefangMarkers(original, kDefangAll, &markers_);
    if (markers_.empty()) {
      clean_ = original;
      return;
    }
    storage_ = ApplyDefangMarkers(original, markers_);
    clean_ = storage_;
    std::size_t removed = 0;  // replacements are never longer than the markers
    for (const DefangMarker& m : markers_) {
      clean_begins_.push_back(m.begin - removed);
      removed += (m.end - m.begin) - m.replacement.size();
    }
  }

  std::string_view clean() const { return clean_; }

  // Where the byte at clean offset `c` was written; inside a replacement, the marker's
  // start.
  std::size_t OriginalBegin(std::size_t c) const {
    const auto it = std::upper_bound(clean_begins_.begin(), clean_begins_.end(), c);
    if (it == clean_begins_.begin()) return c;
    const std::size_t k = static_cast<std::size_t>(it - clean_begins_.begin()) - 1;
    const std::size_t replaced_end = clean_begins_[k] + markers_[k].replacement.size();
    return c < replaced_end ? markers_[k].begin : markers_[k].end + (c - replaced_end);
  }

  // Where a span ending (exclusive) at clean offset `c` ends in the original.
  std::size_t OriginalEnd(std::size_t c) const {
    const auto it = std::lower_bound(clean_begins_.begin(), clean_begins_.end(), c);
    if (it == clean_begins_.begin()) return c;
    const std::size_t k = static_cast<std::size_t>(it - clean_begins_.begin()) - 1;
    const std::size_t replaced_end = clean_begins_[k] + markers_[k].replacement.size();
    return c <= replaced_end ? markers_[k].end : markers_[k].end + (c - replaced_end);
  }

  // The kinds of the markers inside original[begin, end).
  DefangKinds KindsIn(std::size_t begin, std::size_t end) const {
    // Markers never overlap, so their ends are sorted like their starts.
    auto it = std::upper_bound(markers_.begin(), markers_.end(), begin,
                               [](std::size_t b, const DefangMarker& m) { return b < m.end; });
    DefangKinds kinds = 0;
    for (; it != markers_.end() && it->begin < end; ++it) kinds |= it->kind;
    return kinds;
  }

 private:
  std::vector<DefangMarker> markers_;
  std::vector<std::size_t> clean_begins_;  // per marker: where its replacement starts
  std::string storage_;
  std::string_view clean_;
};

// The markers each type may be written with. Everything else never carries one: a
// defanged file name or MAC is not refanged into one.
DefangKinds AllowedMarkers(IocType type) {
  switch (type) {
    case IocType::kUrl:
      return kDefangAll;
    case IocType::kEmail:
      return kDefangDot | kDefangAt;
    case IocType::kDomain:
    case IocType::kIpv4:
    case IocType::kIpv4Cidr:
      return kDefangDot;
    case IocType::kIpv6:
    case IocType::kIpv6Cidr:
      return kDefangColon | kDefangDot;
    default:
      return 0;
  }
}

// Which candidate stands when two overlap; lower wins. A URL contains a host and maybe
// an email-like userinfo, a registry key may hold a file name or an address, an email
// contains a domain, an IPv6 address may end in an IPv4 one.
int Strength(IocType type) {
  switch (type) {
    case IocType::kUrl:
      return 0;
    case IocType::kRegistryKey:
      return 1;
    case IocType::kEmail:
      return 2;
    case IocType::kIpv6:
    case IocType::kIpv6Cidr:
    case IocType::kMac:
      return 3;
    case IocType::kIpv4:
    case IocType::kIpv4Cidr:
      return 4;
    case IocType::kDomain:
      return 6;
    case IocType::kFileName:
      return 7;
    default:
      return 5;
  }
}

bool IsHash(IocType type) {
  return type == IocType::kMd5 || type == IocType::kSha1 || type == IocType::kSha256 ||
         type == IocType::kSha512;
}

struct Candidate {
  std::size_t begin, end;  // in the original text
  DefangKinds kinds;
  RawHit* hit;
};

// Among candidates that overlap one another, keeps the strongest of each overlap and
// appends the kept ones to *kept, in text order.
void KeepStrongest(std::vector<Candidate*>& cluster, std::vector<Candidate*>* kept) {
  std::stable_sort(cluster.begin(), cluster.end(), [](const Candidate* a, const Candidate* b) {
    return Strength(a->hit->type) < Strength(b->hit->type);
  });
  // Clusters hold two or three candidates (a URL and its host); a map keeps a
  // pathological one (a huge token full of addresses) from going quadratic.
  std::map<std::size_t, Candidate*> taken;  // by start; the spans never overlap
  for (Candidate* c : cluster) {
    const auto next = taken.lower_bound(c->begin);
    if (next != taken.end() && next->first < c->end) continue;
    if (next != taken.begin() && std::prev(next)->second->end > c->begin) continue;
    taken.emplace(c->begin, c);
  }
  for (const auto& [begin, c] : taken) kept->push_back(c);
}

// Keeps the candidates whose markers their type allows and, among overlapping ones,
// the strongest; returns them as Iocs in text order.
std::vector<Ioc> Resolve(std::string_view text, const RefangedText& refanged,
                         std::vector<RawHit>& raw) {
  std::vector<Candidate> candidates;
  candidates.reserve(raw.size());
  for (RawHit& hit : raw) {
    const std::size_t b = refanged.OriginalBegin(hit.begin);
    const std::size_t e = refanged.OriginalEnd(hit.end);
    const DefangKinds kinds = refanged.KindsIn(b, e);
    if ((kinds & ~AllowedMarkers(hit.type)) != 0) continue;
    candidates.push_back({b, e, kinds, &hit});
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  std::vector<Candidate*> kept;
  kept.reserve(candidates.size());
  std::vector<Candidate*> cluster;
  for (std::size_t i = 0; i < candidates.size();) {
    std::size_t j = i + 1;
    std::size_t end = candidates[i].end;
    while (j < candidates.size() && candidates[j].begin < end) {
      end = std::max(end, candidates[j].end);
      ++j;
    }
    if (j == i + 1) {
      kept.push_back(&candidates[i]);
    } else {
      cluster.clear();
      for (std::size_t k = i; k < j; ++k) cluster.push_back(&candidates[k]);
      KeepStrongest(cluster, &kept);
    }
    i = j;
  }
  std::vector<Ioc> out;
  out.reserve(kept.size());
  for (const Candidate* c : kept) {
    Ioc ioc;
    ioc.type = c->hit->type;
    ioc.value = std::move(c->hit->value);
    ioc.written = std::string(text.substr(c->begin, c->end - c->begin));
    ioc.defanged = c->kinds != 0 || c->hit->bracketed;
    ioc.offset = c->begin;
    ioc.length = c->end - c->begin;
    out.push_back(std::move(ioc));
  }
  return out;
}

// Ties each hash in iocs[first, last) to the nearest file name before it, else the
// nearest after it. Hashes already tied keep their file name.
void TieHashes(std::vector<Ioc>* iocs, std::size_t first, std::size_t last) {
  std::vector<const std::string*> before(last - first, nullptr);
  const std::string* seen = nullptr;
  for (std::size_t k = first; k < last; ++k) {
    before[k - first] = seen;
    if ((*iocs)[k].type == IocType::kFileName) seen = &(*iocs)[k].value;
  }
  seen = nullptr;
  for (std::size_t k = last; k-- > first;) {
    Ioc& ioc = (*iocs)[k];
    if (ioc.type == IocType::kFileName) seen = &ioc.value;
    if (!IsHash(ioc.type) || !ioc.file_name.empty()) continue;
    if (const std::string* name = before[k - first] ? before[k - first] : seen) {
      ioc.file_name = *name;
    }
  }
}

void TieHashesByLine(std::string_view text, std::vector<Ioc>* iocs) {
  std::size_t i = 0;
  while (i < iocs->size()) {
    const std::size_t line_end = std::min(text.find('\n', (*iocs)[i].offset), text.size());
    std::size_t j = i;
    while (j < iocs->size() && (*iocs)[j].offset < line_end) ++j;
    TieHashes(iocs, i, j);
    i = j;
  }
}

// What a table column or a "Type" cell says its values are.
enum class Hint { kNone, kHash, kUrl, kIp, kEmail, kDomain, kRegistry, kCve, kAsn, kMac, kFile };

// Words naming an indicator type in a header or a "Type" cell, strongest first: "File
// hash" is a hash column, "Sender IP" an IP one. Spellings of STIX ("ipv4-addr",
// "windows-registry-key"), OTX ("FileHash-SHA256") and plain English.
struct HintWord {
  std::string_view word;
  Hint hint;
};
constexpr HintWord kHintWords[] = {
    {"md5", Hint::kHash},        {"sha", Hint::kHash},
    {"sha1", Hint::kHash},       {"sha256", Hint::kHash},
    {"sha512", Hint::kHash},     {"hash", Hint::kHash},
    {"hashes", Hint::kHash},     {"filehash", Hint::kHash},
    {"url", Hint::kUrl},         {"urls", Hint::kUrl},
    {"uri", Hint::kUrl},         {"link", Hint::kUrl},
    {"ip", Hint::kIp},           {"ips", Hint::kIp},
    {"ipv4", Hint::kIp},         {"ipv6", Hint::kIp},
    {"cidr", Hint::kIp},         {"subnet", Hint::kIp},
    {"email", Hint::kEmail},     {"mail", Hint::kEmail},
    {"domain", Hint::kDomain},   {"domains", Hint::kDomain},
    {"hostname", Hint::kDomain}, {"host", Hint::kDomain},
    {"fqdn", Hint::kDomain},     {"registry", Hint::kRegistry},
    {"cve", Hint::kCve},         {"asn", Hint::kAsn},
    {"mac", Hint::kMac},         {"filename", Hint::kFile},
    {"file", Hint::kFile},       {"files", Hint::kFile},
    {"attachment", Hint::kFile},
};

// The lower-case ASCII words of a label ("SHA-256" -> "sha", "256").
std::vector<std::string> LabelWords(std::string_view label) {
  std::vector<std::string> words;
  std::string word;
  for (char c : label) {
    if (internal::IsAsciiAlnum(c)) {
      word.push_back(internal::AsciiLower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

Hint HintFromLabel(std::string_view label) {
  const std::vector<std::string> words = LabelWords(label);
  for (const HintWord& h : kHintWords) {
    if (std::find(words.begin(), words.end(), h.word) != words.end()) return h.hint;
  }
  return Hint::kNone;
}

bool IsTypeHeader(std::string_view header) {
  const std::vector<std::string> words = LabelWords(header);
  return std::find(words.begin(), words.end(), "type") != words.end() ||
         std::find(words.begin(), words.end(), "kind") != words.end();
}

bool Fits(Hint hint, IocType type) {
  switch (hint) {
    case Hint::kHash:
      return IsHash(type);
    case Hint::kUrl:
      return type == IocType::kUrl;
    case Hint::kIp:
      return type == IocType::kIpv4 || type == IocType::kIpv4Cidr || type == IocType::kIpv6 ||
             type == IocType::kIpv6Cidr;
    case Hint::kEmail:
      return type == IocType::kEmail;
    case Hint::kDomain:
      return type == IocType::kDomain;
    case Hint::kRegistry:
      return type == IocType::kRegistryKey;
    case Hint::kCve:
      return type == IocType::kCve;
    case Hint::kAsn:
      return type == IocType::kAsn;
    case Hint::kMac:
      return type == IocType::kMac;
    case Hint::kFile:
      return type == IocType::kFileName;
    default:
      return false;
  }
}

// A value read as one type: what ParseCellAs fills an Ioc from.
struct TypedValue {
  IocType type;
  std::string value;
  bool defanged = false;
};

// An IP address or prefix written alone: "198[.]51[.]100[.]0/24", "[2001:db8::1]/64".
std::optional<TypedValue> ReadIp(std::string_view written) {
  const Refanged r = RefangIp(written);
  std::string_view t = r.text;
  const std::size_t slash = std::min(t.find('/'), t.size());
  std::string_view address = t.substr(0, slash);
  const bool bracketed = address.size() > 2 && address.front() == '[' && address.back() == ']';
  if (bracketed) address = address.substr(1, address.size() - 2);
  const std::string_view prefix = slash < t.size() ? t.substr(slash + 1) : std::string_view();
  const bool v4 = address.find(':') == std::string_view::npos;
  const std::optional<std::string> ip =
      v4 ? internal::ParseIpv4(address) : internal::ParseIpv6(address);
  if (!ip) return std::nullopt;
  const bool defanged = r.changed || bracketed;
  if (slash == t.size()) return TypedValue{v4 ? IocType::kIpv4 : IocType::kIpv6, *ip, defanged};
  const std::optional<int> p = internal::ParsePrefixLength(prefix, v4 ? 32 : 128);
  if (!p) return std::nullopt;
  return TypedValue{v4 ? IocType::kIpv4Cidr : IocType::kIpv6Cidr, *ip + "/" + std::to_string(*p),
                    defanged};
}

// `t` read as the hinted type, with the refanging that type allows.
std::optional<TypedValue> ReadAs(Hint hint, std::string_view t) {
  const auto wrap = [](IocType type, std::optional<std::string> value,
                       bool defanged = false) -> std::optional<TypedValue> {
    if (!value) return std::nullopt;
    return TypedValue{type, *std::move(value), defanged};
  };
  switch (hint) {
    case Hint::kDomain: {
      Refanged r = RefangHost(t);
      if (!r.text.empty() && r.text.back() == '.') r.text.pop_back();
      if (!internal::IsValidHostname(r.text)) return std::nullopt;
      return TypedValue{IocType::kDomain, AsciiLowered(r.text), r.changed};
    }
    case Hint::kIp:
      return ReadIp(t);
    case Hint::kUrl: {
      const Refanged r = RefangUrl(t);
      return wrap(IocType::kUrl, internal::NormaliseUrl(r.text), r.changed);
    }
    case Hint::kEmail: {
      const Refanged r = RefangEmail(t);
      if (!internal::IsValidEmail(r.text)) return std::nullopt;
      return TypedValue{IocType::kEmail, AsciiLowered(r.text), r.changed};
    }
    case Hint::kHash: {
      const std::optional<IocType> type = internal::HashTypeOf(t);
      if (!type) return std::nullopt;
      return TypedValue{*type, AsciiLowered(t)};
    }
    case Hint::kFile:
      if (t.size() > 255) return std::nullopt;
      return TypedValue{IocType::kFileName, std::string(t)};
    case Hint::kCve:
      return wrap(IocType::kCve, internal::ParseCve(t));
    case Hint::kRegistry:
      return wrap(IocType::kRegistryKey, internal::NormaliseRegistryKey(t));
    case Hint::kAsn:
      return wrap(IocType::kAsn, internal::ParseAsn(t, /*bare_digits=*/true));
    case Hint::kMac:
      return wrap(IocType::kMac, internal::ParseMac(t));
    default:
      return std::nullopt;
  }
}

// The whole cell (trimmed of spaces and of wrapping quotes, backticks or angle brackets)
// read as the hinted type; nullopt when it is not one.
std::optional<Ioc> ParseCellAs(Hint hint, std::string_view cell) {
  std::size_t b = 0, e = cell.size();
  while (b < e && static_cast<unsigned char>(cell[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(cell[e - 1]) <= ' ') --e;
  while (e - b >= 2 && std::string_view("`\"'<").find(cell[b]) != std::string_view::npos &&
         cell[e - 1] == (cell[b] == '<' ? '>' : cell[b])) {
    ++b, --e;
  }
  if (hint == Hint::kFile) {
    // A path names the file by its last component.
    const std::size_t slash = cell.substr(b, e - b).find_last_of("/\\");
    if (slash != std::string_view::npos) b += slash + 1;
  }
  const std::string_view t = cell.substr(b, e - b);
  if (t.empty() || t.find('\n') != std::string_view::npos) return std::nullopt;
  std::optional<TypedValue> read = ReadAs(hint, t);
  if (!read) return std::nullopt;
  Ioc ioc;
  ioc.type = read->type;
  ioc.value = std::move(read->value);
  ioc.written = std::string(t);
  ioc.defanged = read->defanged;
  ioc.offset = b;
  ioc.length = t.size();
  return ioc;
}

}  // namespace

std::vector<Ioc> ExtractIocs(std::string_view text) {
  const RefangedText refanged(text);
  const std::string_view clean = refanged.clean();
  std::vector<RawHit> raw;
  internal::ScanUrls(clean, &raw);
  internal::ScanEmails(clean, &raw);
  internal::ScanColonForms(clean, &raw);
  internal::ScanWords(
      clean,
      [&refanged](std::size_t b, std::size_t e) {
        const DefangKinds kinds =
            refanged.KindsIn(refanged.OriginalBegin(b), refanged.OriginalEnd(e));
        return (kinds & kDefangDot) != 0;
      },
      &raw);
  std::vector<Ioc> iocs = Resolve(text, refanged, raw);
  TieHashesByLine(text, &iocs);
  return iocs;
}

std::vector<Ioc> ExtractIocsFromCells(const std::vector<std::string>& cells,
                                      const std::vector<std::string>& headers) {
  std::vector<Hint> hints(cells.size(), Hint::kNone);
  std::optional<std::size_t> type_column;
  for (std::size_t i = 0; i < cells.size() && i < headers.size(); ++i) {
    if (!type_column && IsTypeHeader(headers[i])) {
      type_column = i;
    } else {
      hints[i] = HintFromLabel(headers[i]);
    }
  }
  if (type_column) {
    const Hint row_hint = HintFromLabel(cells[*type_column]);
    for (Hint& h : hints) {
      if (h == Hint::kNone) h = row_hint;
    }
  }
  std::vector<Ioc> out;
  std::optional<std::string> file_column_name;
  std::size_t base = 0;
  for (std::size_t i = 0; i < cells.size(); base += cells[i].size() + 1, ++i) {
    if (type_column == i) continue;
    std::vector<Ioc> hits;
    // A file-name column holds the name whole, spaces and all ("my invoice.pdf").
    if (hints[i] == Hint::kFile) {
      if (std::optional<Ioc> file = ParseCellAs(Hint::kFile, cells[i])) {
        if (!file_column_name) file_column_name = file->value;
        hits.push_back(*std::move(file));
      }
    }
    if (hits.empty()) hits = ExtractIocs(cells[i]);
    const Hint hint = hints[i];
    const bool fits = std::any_of(hits.begin(), hits.end(),
                                  [hint](const Ioc& ioc) { return Fits(hint, ioc.type); });
    if (hint != Hint::kNone && !fits) {
      if (std::optional<Ioc> ioc = ParseCellAs(hint, cells[i])) hits = {*std::move(ioc)};
    }
    for (Ioc& ioc : hits) {
      ioc.offset += base;
      out.push_back(std::move(ioc));
    }
  }
  if (file_column_name) {
    for (Ioc& ioc : out) {
      if (IsHash(ioc.type) && ioc.file_name.empty()) ioc.file_name = *file_column_name;
    }
  }
  TieHashes(&out, 0, out.size());
  return out;
}

}  // namespace stixkit::convert
