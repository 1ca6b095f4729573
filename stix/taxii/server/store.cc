// Store: the connection pool, the schema, collections, settings and status resources.
// The object table's reads and writes are in store_objects.cc.
#include "stix/taxii/server/store.h"

#include "absl/strings/str_cat.h"
#include "stix/base/status.h"
#include "stix/base/strings.h"
#include "stix/taxii/server/internal/sqlite.h"
#include "stix/taxii/server/taxii_time.h"

namespace stixkit::taxii {
namespace {

using server_internal::SqliteDb;
using server_internal::Statement;

constexpr int kSchemaVersion = 1;

// The schema; docs/taxii.md ("Storage") explains each column.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS collections (
  id              TEXT PRIMARY KEY,
  api_root        TEXT NOT NULL,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  alias           TEXT NOT NULL DEFAULT '',
  last_date_added INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS objects (
  seq           INTEGER PRIMARY KEY,
  collection_id TEXT NOT NULL REFERENCES collections(id),
  object_id     TEXT NOT NULL,
  type          TEXT NOT NULL,
  version       TEXT,
  version_us    INTEGER,
  spec_version  TEXT NOT NULL,
  date_added    INTEGER NOT NULL,
  media_type    TEXT NOT NULL,
  json          TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS objects_by_version
  ON objects(collection_id, object_id, version_us);
CREATE INDEX IF NOT EXISTS objects_by_date_added ON objects(collection_id, date_added);
CREATE TABLE IF NOT EXISTS statuses (
  id            TEXT PRIMARY KEY,
  api_root      TEXT NOT NULL,
  collection_id TEXT NOT NULL,
  user          TEXT NOT NULL,
  created       INTEGER NOT NULL,
  json          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statuses_by_created ON statuses(created);
CREATE TABLE IF NOT EXISTS settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

absl::Status CreateSchema(SqliteDb* db, const std::string& path) {
  int64_t found = 0;
  {
    STIXKIT_ASSIGN_OR_RETURN(Statement version, db->Prepare("PRAGMA user_version"));
    STIXKIT_ASSIGN_OR_RETURN(bool row, version.Step());
    if (row) found = version.Int(0);
  }
  if (found > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("database '", path, "' has schema version ", found,
                     ", newer than this stixkit's ", kSchemaVersion, "; use a newer stixkit"));
  }
  STIXKIT_ASSIGN_OR_RETURN(server_internal::Transaction tx, server_internal::Transaction::Begin(db));
  STIXKIT_RETURN_IF_ERROR(db->Exec(kSchema));
  STIXKIT_RETURN_IF_ERROR(db->Exec(absl::StrCat("PRAGMA user_version = ", kSchemaVersion)));
  return tx.Commit();
}

CollectionRecord ReadCollection(const Statement& st) {
  return CollectionRecord{std::string(st.Text(0)), std::string(st.Text(1)),
                          std::string(st.Text(2)), std::string(st.Text(3)),
                          std::string(st.Text(4))};
}

}  // namespace

Store::Lease::Lease(Store* store, std::unique_ptr<SqliteDb> db)
    : store_(store), db_(std::move(db)) {}

Store::Lease::Lease(Lease&& other) noexcept
    : store_(other.store_), db_(std::move(other.db_)) {}

Store::Lease::~Lease() {
  if (db_ != nullptr) store_->Release(std::move(db_));
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(StoreOptions options) {
  if (options.path.empty()) {
    return absl::InvalidArgumentError("no database file given (--db FILE)");
  }
  std::unique_ptr<Store> store(new Store(std::move(options)));
  const int n = std::max(1, store->options_.connections);
  for (int i = 0; i < n; ++i) {
    STIXKIT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(store->options_.path));
    if (i == 0) STIXKIT_RETURN_IF_ERROR(CreateSchema(db.get(), store->options_.path));
    store->pool_.push_back(std::move(db));
  }
  return store;
}

Store::Store(StoreOptions options) : options_(std::move(options)) {}

Store::~Store() = default;

Store::Lease Store::Acquire() {
  std::unique_lock<std::mutex> lock(pool_mu_);
  pool_cv_.wait(lock, [&] { return !pool_.empty(); });
  std::unique_ptr<SqliteDb> db = std::move(pool_.back());
  pool_.pop_back();
  return Lease(this, std::move(db));
}

void Store::Release(std::unique_ptr<SqliteDb> db) {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    pool_.push_back(std::move(db));
  }
  pool_cv_.notify_one();
}

int64_t Store::Now() const { return options_.clock ? options_.clock() : NowMicros(); }

absl::Status Store::PutCollection(const CollectionRecord& c) {
  std::lock_guard<std::mutex> write(write_mu_);
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("INSERT INTO collections (id, api_root, title, description, alias) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                  "api_root = excluded.api_root, title = excluded.title, "
                  "description = excluded.description, alias = excluded.alias"));
  st.Bind(1, c.id);
  st.Bind(2, c.api_root);
  st.Bind(3, c.title);
  st.Bind(4, c.description);
  st.Bind(5, c.alias);
  return st.Run();
}

absl::StatusOr<std::vector<CollectionRecord>> Store::Collections(std::string_view api_root) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st, db->Prepare("SELECT id, api_root, title, description, alias FROM collections "
                                "WHERE api_root = ?1 ORDER BY rowid"));
  st.Bind(1, api_root);
  std::vector<CollectionRecord> out;
  while (true) {
    STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(ReadCollection(st));
  }
  return out;
}

absl::StatusOr<std::optional<CollectionRecord>> Store::FindCollection(
    std::string_view api_root, std::string_view id_or_alias) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT id, api_root, title, description, alias FROM collections "
                  "WHERE api_root = ?1 AND (id = ?2 OR (alias <> '' AND alias = ?2)) "
                  "ORDER BY id = ?2 DESC LIMIT 1"));
  st.Bind(1, api_root);
  st.Bind(2, id_or_alias);
  STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::nullopt;
  return ReadCollection(st);
}

absl::StatusOr<std::optional<std::string>> Store::GetSetting(std::string_view key) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT value FROM settings WHERE key = ?1"));
  st.Bind(1, key);
  STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::nullopt;
  return std::string(st.Text(0));
}

absl::Status Store::PutSetting(std::string_view key, std::string_view value) {
  std::lock_guard<std::mutex> write(write_mu_);
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st, db->Prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  st.Bind(1, key);
  st.Bind(2, value);
  return st.Run();
}

absl::Status Store::InsertStatus(SqliteDb* db, const StatusRecord& s) {
  STIXKIT_ASSIGN_OR_RETURN(Statement purge, db->Prepare("DELETE FROM statuses WHERE created < ?1"));
  purge.Bind(1, Now() - options_.status_retention_us);
  STIXKIT_RETURN_IF_ERROR(purge.Run());
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("INSERT INTO statuses (id, api_root, collection_id, user, created, json) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.Bind(1, s.id);
  st.Bind(2, s.api_root);
  st.Bind(3, s.collection_id);
  st.Bind(4, s.user);
  st.Bind(5, s.created);
  st.Bind(6, s.json);
  return st.Run();
}

absl::Status Store::PutStatus(const StatusRecord& s) {
  std::lock_guard<std::mutex> write(write_mu_);
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(server_internal::Transaction tx, server_internal::Transaction::Begin(db.get()));
  STIXKIT_RETURN_IF_ERROR(InsertStatus(db.get(), s));
  return tx.Commit();
}

absl::StatusOr<std::optional<StatusRecord>> Store::GetStatus(std::string_view api_root,
                                                             std::string_view id) {
  Lease db = Acquire();
  STIXKIT_ASSIGN_OR_RETURN(
      Statement st, db->Prepare("SELECT id, api_root, collection_id, user, created, json "
                                "FROM statuses WHERE id = ?1 AND api_root = ?2"));
  st.Bind(1, id);
  st.Bind(2, api_root);
  STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::nullopt;
  return StatusRecord{std::string(st.Text(0)), std::string(st.Text(1)), std::string(st.Text(2)),
                      std::string(st.Text(3)), st.Int(4),               std::string(st.Text(5))};
}

}  // namespace stixkit::taxii
