import SQLKit

/// The transparency log: one leaf per event, the stored Merkle hashes, and the signed checkpoints. Append-only.
struct CreateTransparencyLog: Migration {
    let name = "0004_create_transparency_log"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        // `salt` is set for sealed entries and stays private until a reveal; `named_actor` records whether the
        // entry names its actor, so `verify` can rebuild each entry from its event.
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE tlog_leaves (
                    leaf_index INTEGER PRIMARY KEY,
                    seq INTEGER NOT NULL UNIQUE REFERENCES events (seq),
                    entry TEXT NOT NULL,
                    salt TEXT,
                    named_actor INTEGER NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw(dialect.table("CREATE TABLE tlog_hashes (idx INTEGER PRIMARY KEY, hash TEXT NOT NULL)")).run()
        try await sql.raw(dialect.table("CREATE TABLE tlog_checkpoints (size INTEGER PRIMARY KEY, note TEXT NOT NULL, signed_at TEXT NOT NULL)"))
            .run()
        for table in ["tlog_leaves", "tlog_hashes", "tlog_checkpoints"] {
            try await dialect.appendOnly(table, message: "the log is append-only", on: sql)
        }
    }
}
