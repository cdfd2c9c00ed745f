import SQLKit

/// Read models, updated in the same transaction as the events they are derived from.
struct CreateProjections: Migration {
    let name = "0002_create_projections"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE organizations (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    country TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE tenders (
                    id TEXT PRIMARY KEY,
                    buyer_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    classification TEXT NOT NULL,
                    method TEXT NOT NULL,
                    title TEXT NOT NULL,
                    search_text TEXT NOT NULL,
                    cpv_codes TEXT NOT NULL,
                    next_deadline TEXT,
                    published_at TEXT,
                    created_at TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw("CREATE INDEX tenders_status ON tenders (status)").run()
        try await sql.raw("CREATE INDEX tenders_buyer ON tenders (buyer_id)").run()
        try await sql.raw("CREATE INDEX tenders_deadline ON tenders (next_deadline)").run()
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE bids (
                    id TEXT PRIMARY KEY,
                    tender_id TEXT NOT NULL REFERENCES tenders (id),
                    supplier_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    state TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw("CREATE INDEX bids_tender ON bids (tender_id)").run()
        try await sql.raw("CREATE INDEX bids_supplier ON bids (supplier_id)").run()
        // A supplier holds at most one live bid per tender, even under a double-clicked submit.
        try await sql.raw("CREATE UNIQUE INDEX bids_one_live ON bids (tender_id, supplier_id) WHERE status = 'submitted'").run()
    }
}
