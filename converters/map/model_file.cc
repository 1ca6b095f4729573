#include "converters/map/model_file.h"

#include <bit>
#include <cmath>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "stix/base/embedded_files.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"

namespace stixkit::convert {
namespace {

constexpr std::string_view kMagic = "STXKMAP1";
constexpr uint32_t kFormatVersion = 1;

uint32_t Fnv1a32(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) h = (h ^ c) * 16777619u;
  return h;
}

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { U8(v & 0xff), U8(v >> 8); }
  void U32(uint32_t v) { U16(v & 0xffff), U16(v >> 16); }
  void U64(uint64_t v) { U32(v & 0xffffffffu), U32(v >> 32); }
  void F32(float v) { U32(std::bit_cast<uint32_t>(v)); }
  void Str(std::string_view s) { U32(static_cast<uint32_t>(s.size())), out_.append(s); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reading; the first failure sticks and later reads return zeros, so a
// parser can read a whole section and check once.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint8_t U8() { return Take(1) ? static_cast<uint8_t>(in_[pos_ - 1]) : 0; }
  uint16_t U16() {
    uint16_t lo = U8();
    return lo | static_cast<uint16_t>(U8() << 8);
  }
  uint32_t U32() {
    uint32_t lo = U16();
    return lo | (static_cast<uint32_t>(U16()) << 16);
  }
  uint64_t U64() {
    uint64_t lo = U32();
    return lo | (static_cast<uint64_t>(U32()) << 32);
  }
  float F32() { return std::bit_cast<float>(U32()); }
  std::string Str() {
    const uint32_t n = U32();
    if (!Take(n)) return {};
    return std::string(in_.substr(pos_ - n, n));
  }
  // A count of items of `item_bytes` each, refused if the rest of the file is too short
  // (so a corrupt count cannot trigger a huge allocation).
  uint32_t Count(size_t item_bytes) {
    const uint32_t n = U32();
    if (ok_ && n * item_bytes > in_.size() - pos_) ok_ = false;
    return ok_ ? n : 0;
  }
  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }

 private:
  bool Take(size_t n) {
    if (!ok_ || n > in_.size() - pos_) return ok_ = false;
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// A power of two, so that dequantised weights are exact and re-serialising a parsed
// model yields the same scale and the same bytes.
float QuantisationScale(const std::vector<float>& weights) {
  float top = 0;
  for (float w : weights) top = std::max(top, std::fabs(w));
  if (top == 0) return 1;
  return std::ldexp(1.0f, static_cast<int>(std::ceil(std::log2(top / 32767.0f))));
}

void WriteWeights(const SentenceModelData& d, Writer* w) {
  w->U32(static_cast<uint32_t>(d.keys.size()));
  for (uint32_t k : d.keys) w->U32(k);
  for (size_t i = 0; i < d.keys.size(); ++i) w->U32(d.offsets[i + 1]);
  w->F32(d.unknown_idf);
  for (float idf : d.idf) w->F32(idf);
  const float scale = QuantisationScale(d.weights);
  w->F32(scale);
  w->U32(static_cast<uint32_t>(d.classes.size()));
  for (uint16_t c : d.classes) w->U16(c);
  for (float x : d.weights)
    w->U16(static_cast<uint16_t>(static_cast<int16_t>(std::lround(x / scale))));
}

void ReadWeights(Reader* r, SentenceModelData* d) {
  const uint32_t keys = r->Count(12);
  d->keys.resize(keys);
  for (uint32_t& k : d->keys) k = r->U32();
  d->offsets.assign(1, 0);
  for (uint32_t i = 0; i < keys; ++i) d->offsets.push_back(r->U32());
  d->unknown_idf = r->F32();
  d->idf.resize(keys);
  for (float& idf : d->idf) idf = r->F32();
  const float scale = r->F32();
  const uint32_t entries = r->Count(4);
  d->classes.resize(entries);
  for (uint16_t& c : d->classes) c = r->U16();
  d->weights.resize(entries);
  for (float& x : d->weights) x = static_cast<int16_t>(r->U16()) * scale;
}

// The tables refer to each other by index; check every reference once at load so that
// scoring never has to.
bool Consistent(const SentenceModelData& d) {
  if (d.bias.size() != d.labels.size() || d.offsets.size() != d.keys.size() + 1 ||
      d.idf.size() != d.keys.size()) {
    return false;
  }
  for (size_t i = 0; i + 1 < d.offsets.size(); ++i) {
    if (d.offsets[i] > d.offsets[i + 1]) return false;
    if (i > 0 && d.keys[i - 1] >= d.keys[i]) return false;
  }
  if (d.offsets.back() != d.classes.size()) return false;
  for (uint16_t c : d.classes) {
    if (c >= d.labels.size()) return false;
  }
  return d.temperature > 0 && std::isfinite(d.temperature);
}

}  // namespace

std::string SerializeSentenceModel(const SentenceModel& model) {
  const SentenceModelData& d = model.data();
  Writer w;
  w.out().append(kMagic);
  w.U32(kFormatVersion);
  w.U8(d.features.bigrams), w.U8(d.features.fold_digits), w.U8(d.features.stem);
  w.U8(d.features.idf), w.U8(d.features.norm_padding);
  w.F32(d.temperature);
  w.U32(static_cast<uint32_t>(d.labels.size()));
  for (const std::string& label : d.labels) w.Str(label);
  for (float b : d.bias) w.F32(b);
  WriteWeights(d, &w);
  w.U32(static_cast<uint32_t>(d.common_words.size()));
  for (uint64_t h : d.common_words) w.U64(h);
  w.U32(static_cast<uint32_t>(d.name_priors.size()));
  for (const NamePrior& p : d.name_priors) w.Str(p.technique), w.Str(p.name), w.F32(p.precision);
  w.Str(d.provenance);
  w.U32(Fnv1a32(w.out()));
  return std::move(w.out());
}

absl::StatusOr<SentenceModel> ParseSentenceModel(std::string_view bytes, std::string_view path) {
  auto corrupt = [&](std::string_view why) {
    return absl::DataLossError(absl::StrCat(Av(path), ": ", Av(why)));
  };
  if (!bytes.starts_with(kMagic)) return corrupt("not a stixkit mapping model (bad magic)");
  if (bytes.size() < kMagic.size() + 8) return corrupt("truncated mapping model");
  Reader r(bytes.substr(kMagic.size(), bytes.size() - kMagic.size() - 4));
  Reader tail(bytes.substr(bytes.size() - 4));
  if (tail.U32() != Fnv1a32(bytes.substr(0, bytes.size() - 4))) {
    return corrupt("mapping model checksum mismatch: the file is corrupt or truncated");
  }
  if (const uint32_t version = r.U32(); version != kFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(Av(path), ": mapping model format ", version, " is not supported (expected ",
                     kFormatVersion, "); retrain it with this stixkit"));
  }
  SentenceModelData d;
  d.features.bigrams = r.U8(), d.features.fold_digits = r.U8(), d.features.stem = r.U8();
  d.features.idf = r.U8(), d.features.norm_padding = r.U8();
  d.temperature = r.F32();
  d.labels.resize(r.Count(4));
  for (std::string& label : d.labels) label = r.Str();
  for (size_t i = 0; i < d.labels.size(); ++i) d.bias.push_back(r.F32());
  ReadWeights(&r, &d);
  d.common_words.resize(r.Count(8));
  for (uint64_t& h : d.common_words) h = r.U64();
  d.name_priors.resize(r.Count(12));
  for (NamePrior& p : d.name_priors) p.technique = r.Str(), p.name = r.Str(), p.precision = r.F32();
  d.provenance = r.Str();
  if (!r.ok()) return corrupt("truncated mapping model");
  if (!Consistent(d)) return corrupt("inconsistent mapping model tables");
  return SentenceModel(std::move(d));
}

absl::StatusOr<const SentenceModel*> EmbeddedSentenceModel() {
  static const absl::StatusOr<SentenceModel>* const model = [] {
    const std::optional<std::string_view> bytes = FindEmbeddedFile(kEmbeddedModelPath);
    if (!bytes) {
      return new absl::StatusOr<SentenceModel>(absl::NotFoundError(
          absl::StrCat("this build has no mapping model (", Av(kEmbeddedModelPath),
                       " was missing); train one with 'stixkit attack train' and rebuild")));
    }
    return new absl::StatusOr<SentenceModel>(ParseSentenceModel(*bytes, kEmbeddedModelPath));
  }();
  if (!model->ok()) return model->status();
  return &model->value();
}

}  // namespace stixkit::convert
