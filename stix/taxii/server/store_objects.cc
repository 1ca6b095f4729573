// Store: the object table. Reads are one SQL query per page, built from the filter with
// a fixed set of numbered parameters; list-valued filters are bound as one JSON array and
// expanded with json_each, so the SQL text (and its cached prepared statement) does not
// depend on how many values a client sends.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/taxii/server/internal/json_writer.h"
#include "stix/taxii/server/internal/sqlite.h"
#include "stix/taxii/server/store.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

using server_internal::SqliteDb;
using server_internal::Statement;

// Parameter numbers of the object query.
enum Param {
  kCollection = 1,
  kAddedAfter,
  kCursorDate,
  kCursorSeq,
  kIds,
  kTypes,
  kSpecVersions,
  kVersionTimes,
  kLimit,
};

std::string JsonArray(const std::vector<std::string>& values) {
  rapidjson::StringBuffer buffer;
  server_internal::JsonWriter w(buffer);
  w.StartArray();
  for (const std::string& v : values) server_internal::WriteString(w, v);
  w.EndArray();
  return server_internal::Text(buffer);
}

std::string JsonArray(const std::vector<int64_t>& values) {
  return absl::StrCat("[", absl::StrJoin(values, ","), "]");
}

// The spec_version condition on the row alias `a`, where `o` is the candidate row.
std::string SpecCondition(const ObjectFilter& f, std::string_view a) {
  if (f.all_spec_versions) return "1";
  if (!f.spec_versions.empty()) {
    return absl::StrCat(Av(a), ".spec_version IN (SELECT value FROM json_each(?", kSpecVersions, "))");
  }
  // TAXII 2.1 §3.5.2: without match[spec_version], only each object's latest spec_version.
  if (a != "o") return absl::StrCat(Av(a), ".spec_version = o.spec_version");
  return "o.spec_version = (SELECT MAX(s.spec_version) FROM objects s "
         "WHERE s.collection_id = o.collection_id AND s.object_id = o.object_id)";
}

// "No other version of the same object is newer (or older)": match[version]=last/first.
// Ties on the version are broken by seq so that exactly one row wins.
std::string ExtremeVersion(const ObjectFilter& f, std::string_view cmp) {
  return absl::StrCat(
      "NOT EXISTS (SELECT 1 FROM objects p WHERE p.collection_id = o.collection_id "
      "AND p.object_id = o.object_id AND ", SpecCondition(f, "p"), " AND (p.version_us ",
      Av(cmp), " o.version_us OR (p.version_us IS o.version_us AND p.seq ", Av(cmp), " o.seq)))");
}

std::string ObjectQuery(const ObjectFilter& f, bool with_json) {
  std::string sql = absl::StrCat(
      "SELECT o.seq, o.date_added, o.object_id, o.type, o.version, o.spec_version, "
      "o.media_type", with_json ? ", o.json" : "", " FROM objects o WHERE o.collection_id = ?",
      kCollection);
  if (f.added_after) absl::StrAppend(&sql, " AND o.date_added > ?", kAddedAfter);
  if (f.after) {
    absl::StrAppend(&sql, " AND o.date_added >= ?", kCursorDate, " AND (o.date_added > ?",
                    kCursorDate, " OR o.seq > ?", kCursorSeq, ")");
  }
  if (!f.ids.empty()) {
    absl::StrAppend(&sql, " AND o.object_id IN (SELECT value FROM json_each(?", kIds, "))");
  }
  if (!f.types.empty()) {
    absl::StrAppend(&sql, " AND o.type IN (SELECT value FROM json_each(?", kTypes, "))");
  }
  if (!f.all_spec_versions) absl::StrAppend(&sql, " AND ", SpecCondition(f, "o"));
  if (!f.AllVersions()) {
    std::vector<std::string> any;
    if (f.version_last) any.push_back(ExtremeVersion(f, ">"));
    if (f.version_first) any.push_back(ExtremeVersion(f, "<"));
    if (!f.version_times.empty()) {
      // An unversioned object's version is its date_added (see ObjectRecord::version).
      any.push_back(absl::StrCat(
          "(CASE WHEN o.version_us IS NULL THEN o.date_added ELSE o.version_us END) "
          "IN (SELECT value FROM json_each(?", kVersionTimes, "))"));
    }
    absl::StrAppend(&sql, " AND (", absl::StrJoin(any, " OR "), ")");
  }
  absl::StrAppend(&sql, " ORDER BY o.date_added, o.seq LIMIT ?", kLimit);
  return sql;
}

void BindFilter(const ObjectFilter& f, std::string_view collection_id, int64_t limit,
                Statement* st) {
  st->Bind(kCollection, collection_id);
  if (f.added_after) st->Bind(kAddedAfter, *f.added_after);
  if (f.after) {
    st->Bind(kCursorDate, f.after->date_added);
    st->Bind(kCursorSeq, f.after->seq);
  }
  if (!f.ids.empty()) st->Bind(kIds, JsonArray(f.ids));
  if (!f.types.empty()) st->Bind(kTypes, JsonArray(f.types));
  if (!f.spec_versions.empty()) st->Bind(kSpecVersions, JsonArray(f.spec_versions));
  if (!f.version_times.empty()) st->Bind(kVersionTimes, JsonArray(f.version_times));
  st->Bind(kLimit, limit);
}

ObjectRecord ReadRecord(const Statement& st, bool with_json) {
  ObjectRecord r;
  r.seq = st.Int(0);
  r.date_added = st.Int(1);
  r.object_id = st.Text(2);
  r.type = st.Text(3);
  r.version = st.IsNull(4) ? FormatTaxiiTimestamp(r.date_added) : std::string(st.Text(4));
  r.spec_version = st.Text(5);
  r.media_type = st.Text(6);
  if (with_json) r.json = st.Text(7);
  return r;
}

struct Existing {
  int64_t seq = 0;
  int64_t date_added = 0;
  bool same_json = false;
};

absl::StatusOr<std::optional<Existing>> FindVersion(SqliteDb* db, std::string_view collection_id,
                                                    const NewObject& o) {
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT seq, date_added, json = ?4 FROM objects WHERE collection_id = ?1 AND "
                  "object_id = ?2 AND version_us IS ?3"));
  st.Bind(1, collection_id);
  st.Bind(2, o.object_id);
  if (o.version) {
    st.Bind(3, o.version_us);
  } else {
    st.BindNull(3);
  }
  st.Bind(4, o.json);
  STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::nullopt;
  return Existing{st.Int(0), st.Int(1), st.Int(2) != 0};
}

absl::Status InsertVersion(SqliteDb* db, std::string_view collection_id, const NewObject& o,
                           int64_t date_added) {
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("INSERT INTO objects (collection_id, object_id, type, version, version_us, "
                  "spec_version, date_added, media_type, json) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  st.Bind(1, collection_id);
  st.Bind(2, o.object_id);
  st.Bind(3, o.type);
  if (o.version) {
    st.Bind(4, *o.version);
    st.Bind(5, o.version_us);
  } else {
    st.BindNull(4);
    st.BindNull(5);
  }
  st.Bind(6, o.spec_version);
  st.Bind(7, date_added);
  st.Bind(8, o.media_type);
  st.Bind(9, o.json);
  return st.Run();
}

absl::Status DeleteRow(SqliteDb* db, int64_t seq) {
  STIXKIT_ASSIGN_OR_RETURN(Statement st, db->Prepare("DELETE FROM objects WHERE seq = ?1"));
  st.Bind(1, seq);
  return st.Run();
}

absl::StatusOr<int64_t> LastDateAdded(SqliteDb* db, std::string_view collection_id) {
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st, db->Prepare("SELECT last_date_added FROM collections WHERE id = ?1"));
  st.Bind(1, collection_id);
  STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    return absl::NotFoundError(absl::StrCat("no collection '", Av(collection_id), "'"));
  }
  return st.Int(0);
}

absl::Status SetLastDateAdded(SqliteDb* db, std::string_view collection_id, int64_t value) {
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st, db->Prepare("UPDATE collections SET last_date_added = ?2 WHERE id = ?1"));
  st.Bind(1, collection_id);
  st.Bind(2, value);
  return st.Run();
}

}  // namespace

absl::StatusOr<std::vector<AddedObject>> Store::AddObjects(std::string_view collection_id,
                                                           const std::vector<NewObject>& objects,
                                                           const StatusMaker& make_status) {
  std::lock_guard<std::mutex> write(write_mu_);
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(server_internal::Transaction tx, server_internal::Transaction::Begin(db.get()));
  STIXKIT_ASSIGN_OR_RETURN(const int64_t last, LastDateAdded(db.get(), collection_id));
  // Strictly increasing even when the clock stands still or steps back, because `last`
  // is stored with the collection.
  int64_t next = std::max(Now(), last + 1);
  std::vector<AddedObject> out;
  out.reserve(objects.size());
  for (const NewObject& o : objects) {
    STIXKIT_ASSIGN_OR_RETURN(std::optional<Existing> existing,
                             FindVersion(db.get(), collection_id, o));
    // TAXII 2.1 §5.5: a version already present is not an error. An unversioned object
    // with other content is the newer state of that object, so it replaces the row.
    if (existing && (o.version || existing->same_json)) {
      out.push_back({AddOutcome::kAlreadyPresent, existing->date_added});
      continue;
    }
    if (existing) STIXKIT_RETURN_IF_ERROR(DeleteRow(db.get(), existing->seq));
    STIXKIT_RETURN_IF_ERROR(InsertVersion(db.get(), collection_id, o, next));
    out.push_back({existing ? AddOutcome::kReplaced : AddOutcome::kAdded, next});
    ++next;
  }
  if (next - 1 > last) STIXKIT_RETURN_IF_ERROR(SetLastDateAdded(db.get(), collection_id, next - 1));
  if (make_status) STIXKIT_RETURN_IF_ERROR(InsertStatus(db.get(), make_status(out)));
  STIXKIT_RETURN_IF_ERROR(tx.Commit());
  return out;
}

absl::StatusOr<ObjectPage> Store::FindObjects(std::string_view collection_id,
                                              const ObjectFilter& filter, bool with_json) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(Statement st, db->Prepare(ObjectQuery(filter, with_json)));
  // One row more than the page tells whether another page exists.
  BindFilter(filter, collection_id, static_cast<int64_t>(filter.limit) + 1, &st);
  ObjectPage page;
  while (true) {
    STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    if (page.records.size() == filter.limit) {
      page.more = true;
      break;
    }
    page.records.push_back(ReadRecord(st, with_json));
  }
  if (page.more) page.next = {page.records.back().date_added, page.records.back().seq};
  return page;
}

absl::StatusOr<bool> Store::HasObject(std::string_view collection_id,
                                      std::string_view object_id) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT 1 FROM objects WHERE collection_id = ?1 AND object_id = ?2 LIMIT 1"));
  st.Bind(1, collection_id);
  st.Bind(2, object_id);
  return st.Step();
}

absl::StatusOr<int64_t> Store::DeleteObject(std::string_view collection_id,
                                            std::string_view object_id,
                                            const ObjectFilter& filter) {
  ObjectFilter f = filter;
  f.ids = {std::string(object_id)};
  f.types.clear();
  f.added_after.reset();
  f.after.reset();
  std::lock_guard<std::mutex> write(write_mu_);
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(server_internal::Transaction tx, server_internal::Transaction::Begin(db.get()));
  // Rows are chosen first and deleted after, so "last" and "first" are decided on the
  // table as it was, not while it shrinks.
  std::vector<int64_t> seqs;
  {
    STIXKIT_ASSIGN_OR_RETURN(Statement st, db->Prepare(ObjectQuery(f, false)));
    BindFilter(f, collection_id, -1, &st);  // a negative LIMIT is no limit in SQLite
    while (true) {
      STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      seqs.push_back(st.Int(0));
    }
  }
  for (int64_t seq : seqs) STIXKIT_RETURN_IF_ERROR(DeleteRow(db.get(), seq));
  STIXKIT_RETURN_IF_ERROR(tx.Commit());
  return static_cast<int64_t>(seqs.size());
}

}  // namespace stixkit::taxii
