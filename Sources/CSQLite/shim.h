#ifndef FOKUS_CSQLITE_SHIM_H
#define FOKUS_CSQLITE_SHIM_H
#include <sqlite3.h>

/// `sqlite3_bind_text` with `SQLITE_TRANSIENT` as the destructor: SQLite copies
/// the text before the call returns. (`SQLITE_TRANSIENT` is a cast macro that
/// Swift cannot import.)
static inline int fokus_sqlite3_bind_text(sqlite3_stmt *stmt, int index, const char *text, int byteCount) {
    return sqlite3_bind_text(stmt, index, text, byteCount, SQLITE_TRANSIENT);
}

/// `sqlite3_bind_blob` with `SQLITE_TRANSIENT`: SQLite copies the bytes before the call returns.
static inline int fokus_sqlite3_bind_blob(sqlite3_stmt *stmt, int index, const void *bytes, int byteCount) {
    return sqlite3_bind_blob(stmt, index, bytes, byteCount, SQLITE_TRANSIENT);
}

#endif
