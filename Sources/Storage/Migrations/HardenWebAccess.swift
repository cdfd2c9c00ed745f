import SQLKit

/// Second-factor enrolment and replay protection (the secret waiting for its first code, and the last time-step a
/// code was accepted for), when each session was last used (idle timeout), and which client a failed sign-in came
/// from (throttling per client as well as per address).
struct HardenWebAccess: Migration {
    let name = "0006_harden_web_access"

    func apply(on sql: any SQLDatabase) async throws {
        let dialect = SchemaDialect(sql)
        for statement in [
            "ALTER TABLE web_credentials ADD COLUMN totp_pending_secret TEXT",
            "ALTER TABLE web_credentials ADD COLUMN totp_last_step INTEGER",
            "ALTER TABLE web_sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE web_sign_in_failures ADD COLUMN client TEXT NOT NULL DEFAULT ''",
        ] {
            try await sql.raw(dialect.table(statement)).run()
        }
        try await sql.raw("UPDATE web_sessions SET last_seen_at = created_at").run()
        try await sql.raw("CREATE INDEX web_sign_in_failures_client ON web_sign_in_failures (client, failed_at)").run()
        try await sql.raw("CREATE INDEX web_sign_in_failures_time ON web_sign_in_failures (failed_at)").run()
    }
}
