import SQLKit

/// Browser sign-in: password hashes and TOTP secrets, sessions, and failed sign-ins for rate limiting. Personal data:
/// kept out of the event log, like users and API tokens.
struct CreateWebAccess: Migration {
    let name = "0005_create_web_access"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE web_credentials (
                    user_id TEXT PRIMARY KEY REFERENCES users (id),
                    password_hash TEXT NOT NULL,
                    totp_secret TEXT,
                    updated_at TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw(
            dialect.table(
                """
                CREATE TABLE web_sessions (
                    token_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id),
                    csrf_token TEXT NOT NULL,
                    second_factor INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                )
                """
            )
        ).run()
        try await sql.raw("CREATE INDEX web_sessions_user ON web_sessions (user_id)").run()
        try await sql.raw(dialect.table("CREATE TABLE web_sign_in_failures (email TEXT NOT NULL, failed_at TEXT NOT NULL)")).run()
        try await sql.raw("CREATE INDEX web_sign_in_failures_email ON web_sign_in_failures (email, failed_at)").run()
    }
}
