import SQLKit

/// Migrations are written in SQLite's dialect; this turns their schema statements into PostgreSQL's where the two
/// differ, so both databases get the same tables with the same behaviour.
struct SchemaDialect {
    let isPostgres: Bool

    init(_ sql: any SQLDatabase) { isPostgres = sql.dialect.name == "postgresql" }

    /// A CREATE TABLE (or ALTER TABLE) statement for this database. On PostgreSQL, whole numbers are 64-bit, text compares byte by
    /// byte as in SQLite (so ISO timestamps and identifiers sort alike), and sequence numbers are assigned by the
    /// writer rather than AUTOINCREMENT.
    func table(_ statement: String) -> SQLQueryString {
        guard isPostgres else { return SQLQueryString(statement) }
        return SQLQueryString(
            statement
                .replacing(" AUTOINCREMENT", with: "")
                .replacing(/\bINTEGER\b/, with: "BIGINT")
                .replacing(/\bTEXT\b/, with: "TEXT COLLATE \"C\"")
        )
    }

    /// Makes `table` append-only: any UPDATE or DELETE (on PostgreSQL also TRUNCATE) fails with `message`.
    func appendOnly(_ table: String, message: String, on sql: any SQLDatabase) async throws {
        guard isPostgres else {
            for action in ["update", "delete"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: action) BEFORE \(unsafeRaw: action.uppercased()) ON \(unsafeRaw: table) \
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                    """
                ).run()
            }
            return
        }
        try await sql.raw(
            """
            CREATE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '\(unsafeRaw: message)'; END $$
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER \(unsafeRaw: table)_no_change BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
            FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER \(unsafeRaw: table)_no_truncate BEFORE TRUNCATE ON \(unsafeRaw: table)
            FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
            """
        ).run()
    }
}
