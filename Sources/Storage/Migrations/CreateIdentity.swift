import SQLKit

/// Users and their API tokens. Personal data: kept out of the event log.
struct CreateIdentity: Migration {
    let name = "0003_create_identity"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    organization_id TEXT NOT NULL REFERENCES organizations (id),
                    email TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE api_tokens (
                    token_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id),
                    label TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """
            )
        ).run()
    }
}
