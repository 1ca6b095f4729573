// The server's storage: one SQLite database (`--db FILE`) holding the collections, every
// version of every object posted to them, and the status resources of POST requests.
// Data survives restarts; docs/taxii.md describes the schema.
//
//   STIXKIT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open({.path = "hub.db"}));
//   STIXKIT_ASSIGN_OR_RETURN(auto added, store->AddObjects(collection_id, objects));
//   STIXKIT_ASSIGN_OR_RETURN(ObjectPage page, store->FindObjects(collection_id, filter, true));
//
// Object versions are keyed by (collection, object id, version), where the version is the
// object's `modified`, else its `created`, else none (unversioned objects such as SCOs:
// one row per id, replaced when different content is posted). Every row gets a
// date_added in microseconds that is strictly increasing within its collection, so
// `added_after` and the (date_added, seq) page cursor are exact.
//
// Thread-safe: each call borrows one connection from a pool (WAL mode lets reads run
// while a write commits); writes are serialised by a mutex and each is one transaction.
// Pages are read with LIMIT, never by loading a collection.
#ifndef STIXKIT_STIX_TAXII_SERVER_STORE_H_
#define STIXKIT_STIX_TAXII_SERVER_STORE_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stix/taxii/server/filters.h"
#include "stix/taxii/server/pagination.h"

namespace stixkit::taxii {
namespace server_internal {
class SqliteDb;
}  // namespace server_internal

struct CollectionRecord {
  std::string id;
  std::string api_root;
  std::string title;
  std::string description;
  std::string alias;  // "" when none
};

// One object version to add.
struct NewObject {
  std::string object_id;
  std::string type;
  std::string spec_version;
  std::string media_type;
  // `modified`, else `created`, as the object spells it; nullopt when it has neither.
  std::optional<std::string> version;
  int64_t version_us = 0;  // the version in microseconds (ignored without a version)
  std::string json;        // the object's compact JSON text
};

enum class AddOutcome {
  kAdded,           // a new version
  kAlreadyPresent,  // this version was stored before; nothing changed
  kReplaced,        // an unversioned object with new content replaced the old row
};

struct AddedObject {
  AddOutcome outcome = AddOutcome::kAdded;
  int64_t date_added = 0;  // microseconds
};

// One stored object version, as the read endpoints report it.
struct ObjectRecord {
  int64_t seq = 0;
  int64_t date_added = 0;
  std::string object_id;
  std::string type;
  // The version as manifests and versions/ report it: the object's `modified` or
  // `created`, or its date_added as a TAXII timestamp when it has neither.
  std::string version;
  std::string spec_version;
  std::string media_type;
  std::string json;  // empty unless requested
};

struct ObjectPage {
  std::vector<ObjectRecord> records;
  // More rows match after the last record; `next` is that record's position.
  bool more = false;
  PageCursor next;
};

// A status resource (TAXII 2.1 §4.3) and who may read it.
struct StatusRecord {
  std::string id;
  std::string api_root;
  std::string collection_id;
  std::string user;
  int64_t created = 0;  // microseconds
  std::string json;
};

struct StoreOptions {
  std::string path;
  // Pooled connections: at least the number of request threads, so none waits.
  int connections = 8;
  // Microseconds since the epoch; NowMicros when empty. Tests inject a clock.
  std::function<int64_t()> clock;
  // Status resources older than this are deleted (TAXII 2.1 §4.3: keep them >= 24 h).
  int64_t status_retention_us = int64_t{7} * 24 * 3600 * 1000000;
};

class Store {
 public:
  // Opens or creates the database and its schema. Unavailable when the file cannot be
  // opened; FailedPrecondition when it was written by a newer schema.
  static absl::StatusOr<std::unique_ptr<Store>> Open(StoreOptions options);
  ~Store();

  // Inserts the collection, or updates the title, description, alias and API root of the
  // collection with that id.
  absl::Status PutCollection(const CollectionRecord& collection);
  // The collections of `api_root`, oldest first.
  absl::StatusOr<std::vector<CollectionRecord>> Collections(std::string_view api_root);
  // The collection of `api_root` whose id or alias is `id_or_alias`; nullopt if none.
  absl::StatusOr<std::optional<CollectionRecord>> FindCollection(std::string_view api_root,
                                                                 std::string_view id_or_alias);

  // A small key/value table for server state (the zero-config collection id).
  absl::StatusOr<std::optional<std::string>> GetSetting(std::string_view key);
  absl::Status PutSetting(std::string_view key, std::string_view value);

  // Builds the status resource of a POST from the outcome of each object.
  using StatusMaker = std::function<StatusRecord(const std::vector<AddedObject>& added)>;

  // Adds `objects` to the collection and, when `make_status` is given, stores the status
  // it makes, all in one transaction: either every object and the status are recorded or,
  // on a database error (Unavailable), nothing is. NotFound for an unknown collection.
  // Results are in input order.
  absl::StatusOr<std::vector<AddedObject>> AddObjects(std::string_view collection_id,
                                                      const std::vector<NewObject>& objects,
                                                      const StatusMaker& make_status = nullptr);

  // One page of the collection's object versions that pass `filter`, ordered by
  // (date_added, seq). `with_json` also reads the objects' text.
  absl::StatusOr<ObjectPage> FindObjects(std::string_view collection_id,
                                         const ObjectFilter& filter, bool with_json);

  // True when the collection holds any version of `object_id`.
  absl::StatusOr<bool> HasObject(std::string_view collection_id, std::string_view object_id);

  // Deletes the versions of `object_id` that pass `filter` (its match[version] and
  // match[spec_version]); returns how many were deleted.
  absl::StatusOr<int64_t> DeleteObject(std::string_view collection_id, std::string_view object_id,
                                       const ObjectFilter& filter);

  absl::Status PutStatus(const StatusRecord& status);
  // The status with this id in `api_root`; nullopt if none (or expired).
  absl::StatusOr<std::optional<StatusRecord>> GetStatus(std::string_view api_root,
                                                        std::string_view id);

 private:
  // A pooled connection, returned to the pool on destruction.
  class Lease {
   public:
    Lease(Store* store, std::unique_ptr<server_internal::SqliteDb> db);
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    ~Lease();
    server_internal::SqliteDb* get() const { return db_.get(); }
    server_internal::SqliteDb* operator->() const { return db_.get(); }

   private:
    Store* store_;
    std::unique_ptr<server_internal::SqliteDb> db_;
  };

  explicit Store(StoreOptions options);

  Lease Acquire();
  void Release(std::unique_ptr<server_internal::SqliteDb> db);
  int64_t Now() const;
  // Inserts the status and deletes expired ones, inside the caller's transaction.
  absl::Status InsertStatus(server_internal::SqliteDb* db, const StatusRecord& status);

  StoreOptions options_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<server_internal::SqliteDb>> pool_;
  // One writer at a time inside this process; SQLite's busy timeout covers others.
  std::mutex write_mu_;
};

}  // namespace stixkit::taxii

#endif  // STIXKIT_STIX_TAXII_SERVER_STORE_H_
