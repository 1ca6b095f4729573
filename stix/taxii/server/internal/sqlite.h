// A thin RAII layer over the SQLite C API for the server's store: one connection with a
// cache of prepared statements, statements that reset themselves, and transactions that
// roll back unless committed. Errors become absl::Status with SQLite's message.
//
//   STIXKIT_ASSIGN_OR_RETURN(auto db, SqliteDb::Open("hub.db"));
//   STIXKIT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM t WHERE x = ?1"));
//   st.Bind(1, x);
//   while (true) { STIXKIT_ASSIGN_OR_RETURN(bool row, st.Step()); if (!row) break; ... }
//
// A SqliteDb is not thread-safe: one thread uses it at a time (the store hands out
// connections from a pool). A Statement borrows from its SqliteDb and must not outlive it.
// Internal to stix/taxii/server.
#ifndef STIXKIT_STIX_TAXII_SERVER_INTERNAL_SQLITE_H_
#define STIXKIT_STIX_TAXII_SERVER_INTERNAL_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace stixkit::taxii::server_internal {

class SqliteDb;

class Statement {
 public:
  // `in_use` is the cache's busy flag for a cached statement, nullptr for one this
  // Statement owns and finalizes.
  Statement(sqlite3_stmt* stmt, SqliteDb* db, bool* in_use)
      : stmt_(stmt), db_(db), in_use_(in_use) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  void Bind(int index, int64_t value);
  void Bind(int index, std::string_view value);
  void BindNull(int index);

  // True when a row is ready, false when the statement is done.
  absl::StatusOr<bool> Step();
  // Steps until done (for statements that return no rows).
  absl::Status Run();

  int64_t Int(int column) const;
  // Borrowed from SQLite; valid until the next Step or the statement's destruction.
  std::string_view Text(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
  SqliteDb* db_;
  bool* in_use_;
};

class SqliteDb {
 public:
  // Opens (creating if needed) the database at `path` with WAL journaling, a busy
  // timeout, and foreign keys on. Unavailable with SQLite's message on failure.
  static absl::StatusOr<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();

  // Runs one or more statements that return no rows.
  absl::Status Exec(std::string_view sql);

  // A prepared statement for `sql`, from the cache when it has been prepared before and
  // is not in use by another live Statement.
  absl::StatusOr<Statement> Prepare(const std::string& sql);

  int64_t Changes() const;

  // Internal (Unavailable) error with `what` and SQLite's current message.
  absl::Status Error(std::string_view what) const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}

  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  sqlite3* db_;
  // Node-based, so the address of an entry's in_use flag is stable.
  std::unordered_map<std::string, Cached> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless Commit succeeded.
class Transaction {
 public:
  static absl::StatusOr<Transaction> Begin(SqliteDb* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  ~Transaction();

  absl::Status Commit();

 private:
  explicit Transaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

}  // namespace stixkit::taxii::server_internal

#endif  // STIXKIT_STIX_TAXII_SERVER_INTERNAL_SQLITE_H_
