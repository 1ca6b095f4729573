// The state one conversion shares between its builders: the options, the id maker,
// the objects made so far (deduplicated by id), and the human summary. Builders run in
// a fixed order (bundle_builder.cc); each reads the document and what earlier builders
// made, and adds objects.
//
//   StixObject& victim = ctx.AddSdo("identity", "victim:carecloud", origin);
//   ctx.Relate(victim.id(), "located-at", location_id, origin);
//
// Not thread-safe: one context per converted file.
#ifndef STIXKIT_CONVERTERS_BUILD_BUILD_CONTEXT_H_
#define STIXKIT_CONVERTERS_BUILD_BUILD_CONTEXT_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "converters/build/convert_options.h"
#include "converters/build/object_ids.h"
#include "converters/build/stix_object.h"
#include "converters/extract/ioc.h"
#include "converters/read/document.h"

namespace stixkit::convert {

class BuildContext {
 public:
  BuildContext(const Document& document, const ConvertOptions& options);

  const Document& document() const { return document_; }
  const ConvertOptions& options() const { return options_; }
  const std::string& now() const { return now_; }  // options.now as a STIX timestamp
  const std::string& author_id() const { return author_id_; }

  // An SDO with the common properties set (created_by_ref, created, modified), its id
  // derived from `key`. A second call with the same type and key returns the first
  // object, so builders may meet the same thing twice.
  StixObject& AddSdo(std::string_view type, std::string_view key, std::string_view origin);
  // An SCO given as whole compact JSON (its UUIDv5 id included); deduplicated by id.
  StixObject& AddSco(std::string_view type, std::string_view id, std::string_view json,
                     std::string_view origin);
  // A marking definition emitted verbatim.
  void AddMarking(std::string_view id, std::string_view json);
  // A relationship source -type-> target; deduplicated.
  void Relate(std::string_view source_id, std::string_view type, std::string_view target_id,
              std::string_view origin);

  // The IOCs of a block (its text, or its cells for a table row), extracted once and
  // shared by the indicator, vulnerability and course-of-action builders.
  const std::vector<Ioc>& BlockIocs(const Block& block);

  StixObject* Find(std::string_view id);
  std::vector<StixObject*> OfType(std::string_view type);
  std::deque<StixObject>& objects() { return objects_; }

  // "path:LINE (Section › Key)" for --explain and the summary.
  std::string Origin(const Section& section, const Block* block) const;

  // The stderr summary: what was found, and what was ignored and why.
  void Found(std::string line) { found_.push_back(std::move(line)); }
  void Ignored(std::string line) { ignored_.push_back(std::move(line)); }
  void Warn(std::string line) { warnings_.push_back(std::move(line)); }
  const std::vector<std::string>& found() const { return found_; }
  const std::vector<std::string>& ignored() const { return ignored_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Marking ids applied to every object (set by the marking step).
  std::vector<std::string> marking_refs;
  // Reference links for the report's external_references, in document order.
  struct Reference {
    std::string url;
    std::string source_name;
    std::string description;
  };
  std::vector<Reference> references;
  // Tactics with disclosed activity but no identified technique, for the incident's
  // description: "Collection: Potential access to cloud-based EHR ...".
  std::vector<std::string> tactic_notes;

 private:
  StixObject& Insert(StixObject object);

  const Document& document_;
  const ConvertOptions& options_;
  ObjectIds ids_;
  std::string now_;
  std::string author_id_;
  std::deque<StixObject> objects_;  // stable addresses
  absl::flat_hash_map<std::string, size_t> index_;
  absl::flat_hash_map<const Block*, std::vector<Ioc>> block_iocs_;
  std::vector<std::string> found_, ignored_, warnings_;
};

}  // namespace stixkit::convert

#endif  // STIXKIT_CONVERTERS_BUILD_BUILD_CONTEXT_H_
