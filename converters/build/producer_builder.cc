// The producer identity and the TLP marking: the two things every other object points
// to (created_by_ref, object_marking_refs).
#include "absl/strings/str_cat.h"
#include "converters/build/builders.h"
#include "converters/extract/tlp_label.h"
#include "stix/model/tlp.h"

namespace stixkit::convert {
namespace {

// The strictest TLP label the document states anywhere (banner, field, footer).
std::optional<std::string> DocumentTlp(const Document& doc) {
  std::optional<std::string> best;
  auto consider = [&](std::string_view text) {
    std::optional<std::string> level = FindTlp(text);
    if (level && (!best || TlpRank(*level) > TlpRank(*best))) best = level;
  };
  consider(doc.title);
  for (const Section& s : doc.sections) {
    consider(s.title);
    for (const Block& b : s.blocks) {
      consider(b.key);
      consider(b.text);
    }
  }
  return best;
}

}  // namespace

absl::Status BuildProducerAndMarking(const SectionRouter&, BuildContext& ctx) {
  StixObject& producer = ctx.AddSdo("identity", absl::StrCat("producer:", ctx.options().author),
                                    "--author");
  producer.Set("name", ctx.options().author);
  producer.Set("identity_class", "organization");

  const std::optional<std::string> from_document = DocumentTlp(ctx.document());
  std::optional<std::string> level = ctx.options().tlp;
  // A banner in the document wins only if it is stricter than --tlp: never share more
  // widely than the author marked.
  if (from_document && (!level || TlpRank(*from_document) > TlpRank(*level))) {
    if (level) {
      ctx.Warn(absl::StrCat("the document is marked TLP:", *from_document,
                            ", stricter than --tlp ", *level, "; using TLP:", *from_document));
    }
    level = from_document;
  }
  if (!level) {
    ctx.Warn("no TLP marking: the document states none and --tlp was not given");
    return absl::OkStatus();
  }
  for (const stix::TlpMarking& m : stix::AllTlpMarkings()) {
    if (m.version == "2.0" && m.level == *level) {
      ctx.AddMarking(m.id, m.json);
      ctx.marking_refs.push_back(m.id);
      ctx.Found(absl::StrCat("marking ", m.name));
      return absl::OkStatus();
    }
  }
  return absl::InternalError(absl::StrCat("no TLP 2.0 marking definition for '", *level, "'"));
}

}  // namespace stixkit::convert
