import SQLKit

/// The append-only event log: one global sequence, per-stream versions checked by a unique key.
struct CreateEventStore: Migration {
    let name = "0001_create_event_store"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    stream_id TEXT NOT NULL,
                    stream_version INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    tender_id TEXT,
                    audience TEXT NOT NULL,
                    audience_org TEXT,
                    UNIQUE (stream_id, stream_version)
                )
                """
            )
        ).run()
        try await sql.raw("CREATE INDEX events_tender ON events (tender_id, seq)").run()
        // The log is append-only: no statement may change or remove a recorded event.
        try await dialect.appendOnly("events", message: "events are append-only", on: sql)
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE idempotency_keys (
                    scope TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    resource_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (scope, key)
                )
                """
            )
        ).run()
    }
}
