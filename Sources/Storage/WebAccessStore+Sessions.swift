import Foundation
import Procurement
import SQLKit

/// Browser sessions, by the SHA-256 of their token: an absolute expiry, and the time of the last request, against
/// which the caller's idle timeout is checked.
extension WebAccessStore {
    public struct Session: Sendable {
        public let account: IdentityStore.Account
        public let csrfToken: String
        /// Whether the second factor was given (always true for users who have none).
        public let secondFactor: Bool
        public let expiresAt: Date
        public let lastSeenAt: Date
    }

    /// Opens a session, first deleting every session past its expiry or idle since before `idleBefore`.
    public func createSession(
        tokenHash: String,
        user: UserID,
        csrfToken: String,
        secondFactor: Bool,
        at time: Date,
        expiresAt: Date,
        idleBefore: Date
    ) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                DELETE FROM web_sessions
                WHERE expires_at < \(bind: Timestamp.format(time)) OR last_seen_at < \(bind: Timestamp.format(idleBefore))
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO web_sessions (token_hash, user_id, csrf_token, second_factor, created_at, expires_at, last_seen_at)
                VALUES (\(bind: tokenHash), \(bind: user.rawValue), \(bind: csrfToken), \(bind: secondFactor ? 1 : 0),
                        \(bind: Timestamp.format(time)), \(bind: Timestamp.format(expiresAt)), \(bind: Timestamp.format(time)))
                """
            ).run()
        }
    }

    /// The live session with this token hash: not past its expiry, and used since `activeSince`.
    public func session(tokenHash: String, at time: Date, activeSince: Date) async throws -> Session? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT user_id, csrf_token, second_factor, expires_at, last_seen_at FROM web_sessions
                    WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: Timestamp.format(time))
                        AND last_seen_at >= \(bind: Timestamp.format(activeSince))
                    """
                ).first(),
                let expires = Timestamp.parse(try row.decode(column: "expires_at", as: String.self)),
                let lastSeen = Timestamp.parse(try row.decode(column: "last_seen_at", as: String.self)),
                let account = try await IdentityStore.account(UserID(try row.decode(column: "user_id", as: String.self)), on: sql)
            else { return nil }
            return Session(
                account: account,
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                secondFactor: try row.decode(column: "second_factor", as: Int.self) == 1,
                expiresAt: expires,
                lastSeenAt: lastSeen
            )
        }
    }

    /// Records a request on the session, which keeps it from ending idle.
    public func touchSession(tokenHash: String, at time: Date) async throws {
        try await database.write { sql in
            try await sql.raw("UPDATE web_sessions SET last_seen_at = \(bind: Timestamp.format(time)) WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await database.write { sql in try await sql.raw("DELETE FROM web_sessions WHERE token_hash = \(bind: tokenHash)").run() }
    }

    static func endSessions(_ user: UserID, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM web_sessions WHERE user_id = \(bind: user.rawValue)").run()
    }
}
