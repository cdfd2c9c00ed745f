import Foundation
import Procurement
import SQLKit

/// What browser sign-in keeps: a bcrypt hash and a TOTP secret per user, sessions by the SHA-256 of their token, and
/// recent failed sign-ins. The caller hashes and generates; this store only keeps.
public struct WebAccessStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Credentials: Sendable {
        public let passwordHash: String
        public let totpSecret: String?
    }

    public struct Session: Sendable {
        public let account: IdentityStore.Account
        public let csrfToken: String
        /// Whether the second factor was given (always true for users who have none).
        public let secondFactor: Bool
        public let expiresAt: Date
    }

    public func setCredentials(user: UserID, passwordHash: String, totpSecret: String?, at time: Date) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM web_credentials WHERE user_id = \(bind: user.rawValue)").run()
            try await sql.raw(
                """
                INSERT INTO web_credentials (user_id, password_hash, totp_secret, updated_at)
                VALUES (\(bind: user.rawValue), \(bind: passwordHash), \(bind: totpSecret), \(bind: Timestamp.format(time)))
                """
            ).run()
        }
    }

    public func credentials(user: UserID) async throws -> Credentials? {
        try await database.read { sql in
            try await sql.raw("SELECT password_hash, totp_secret FROM web_credentials WHERE user_id = \(bind: user.rawValue)").first().map {
                Credentials(
                    passwordHash: try $0.decode(column: "password_hash", as: String.self),
                    totpSecret: try $0.decode(column: "totp_secret", as: String?.self)
                )
            }
        }
    }

    public func createSession(tokenHash: String, user: UserID, csrfToken: String, secondFactor: Bool, at time: Date, expiresAt: Date) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM web_sessions WHERE expires_at < \(bind: Timestamp.format(time))").run()
            try await sql.raw(
                """
                INSERT INTO web_sessions (token_hash, user_id, csrf_token, second_factor, created_at, expires_at)
                VALUES (\(bind: tokenHash), \(bind: user.rawValue), \(bind: csrfToken), \(bind: secondFactor ? 1 : 0),
                        \(bind: Timestamp.format(time)), \(bind: Timestamp.format(expiresAt)))
                """
            ).run()
        }
    }

    /// The live session with this token hash; expired sessions are not returned.
    public func session(tokenHash: String, at time: Date) async throws -> Session? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT user_id, csrf_token, second_factor, expires_at FROM web_sessions
                    WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: Timestamp.format(time))
                    """
                ).first(),
                let expires = Timestamp.parse(try row.decode(column: "expires_at", as: String.self)),
                let account = try await IdentityStore.account(UserID(try row.decode(column: "user_id", as: String.self)), on: sql)
            else { return nil }
            return Session(
                account: account,
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                secondFactor: try row.decode(column: "second_factor", as: Int.self) == 1,
                expiresAt: expires
            )
        }
    }

    public func endSession(tokenHash: String) async throws {
        try await database.write { sql in try await sql.raw("DELETE FROM web_sessions WHERE token_hash = \(bind: tokenHash)").run() }
    }

    public func recordFailure(email: String, at time: Date) async throws {
        try await database.write { sql in
            try await sql.raw("INSERT INTO web_sign_in_failures (email, failed_at) VALUES (\(bind: email), \(bind: Timestamp.format(time)))").run()
        }
    }

    public func failures(email: String, since time: Date) async throws -> Int {
        try await database.read { sql in
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM web_sign_in_failures WHERE email = \(bind: email) AND failed_at > \(bind: Timestamp.format(time))"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func clearFailures(email: String) async throws {
        try await database.write { sql in try await sql.raw("DELETE FROM web_sign_in_failures WHERE email = \(bind: email)").run() }
    }
}
