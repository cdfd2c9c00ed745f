import Foundation
import Procurement
import SQLKit

/// Failed sign-ins (wrong password or code), by email address and by client, for throttling. Kept in the database so
/// every server instance counts the same failures; rows older than the caller's window are deleted as new failures
/// arrive, so the table holds only the failures of the current window.
extension WebAccessStore {
    public func recordFailure(email: String, client: String, at time: Date, forgetBefore: Date) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM web_sign_in_failures WHERE failed_at < \(bind: Timestamp.format(forgetBefore))").run()
            try await sql.raw(
                """
                INSERT INTO web_sign_in_failures (email, client, failed_at)
                VALUES (\(bind: email), \(bind: client), \(bind: Timestamp.format(time)))
                """
            ).run()
        }
    }

    public func failures(email: String, since time: Date) async throws -> Int {
        try await database.read { sql in
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM web_sign_in_failures WHERE email = \(bind: email) AND failed_at > \(bind: Timestamp.format(time))"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func failures(client: String, since time: Date) async throws -> Int {
        try await database.read { sql in
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM web_sign_in_failures WHERE client = \(bind: client) AND failed_at > \(bind: Timestamp.format(time))"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// After a successful sign-in the address's failures no longer count against it; they still count against the
    /// clients they came from.
    public func clearFailures(email: String) async throws {
        try await database.write { sql in
            try await sql.raw("UPDATE web_sign_in_failures SET email = '' WHERE email = \(bind: email)").run()
        }
    }
}
