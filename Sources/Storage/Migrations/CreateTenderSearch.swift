import SQLKit

/// Full-text search of tenders on PostgreSQL: a `tsvector` of the searchable text, kept by the database itself as a
/// generated column and indexed with GIN (``TenderSearch``). The 'simple' configuration only lowercases and splits
/// words, so Ukrainian and English are treated alike. SQLite searches `search_text` as it is, so it changes nothing.
struct CreateTenderSearch: Migration {
    let name = "0007_create_tender_search"

    func apply(on sql: any SQLDatabase) async throws {
        guard SchemaDialect(sql).isPostgres else { return }
        try await sql.raw(
            "ALTER TABLE tenders ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
        ).run()
        try await sql.raw("CREATE INDEX tenders_search ON tenders USING GIN (search_vector)").run()
    }
}
