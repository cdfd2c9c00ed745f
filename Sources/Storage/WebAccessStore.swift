import Foundation
import Procurement
import SQLKit

/// What browser sign-in keeps: a bcrypt hash and a TOTP secret per user (with the secret awaiting its first code
/// and the last time-step a code was accepted for), sessions by the SHA-256 of their token, and recent failed
/// sign-ins. The caller hashes, generates and verifies; this store only keeps, and makes each check-and-set atomic.
public struct WebAccessStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Credentials: Sendable {
        public let passwordHash: String
        /// The active second factor; nil until the user enrols (or after an administrator asks for re-enrolment).
        public let totpSecret: String?
        /// A secret shown on the enrolment page, active only once a code from it is confirmed.
        public let pendingSecret: String?
        /// The TOTP time-step (Unix time / 30) of the last code accepted; a code is accepted only for a later one.
        public let lastStep: Int64?
    }

    /// Replaces the user's password and second factor; the secret is active at once (the demo world and tests).
    public func setCredentials(user: UserID, passwordHash: String, totpSecret: String?, at time: Date) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM web_credentials WHERE user_id = \(bind: user.rawValue)").run()
            try await Self.insert(user: user, passwordHash: passwordHash, totpSecret: totpSecret, at: time, on: sql)
        }
    }

    /// Sets the password, keeping an enrolled second factor, and ends the user's sessions.
    public func setPassword(user: UserID, passwordHash: String, at time: Date) async throws {
        try await database.write { sql in
            if try await Self.row(user, on: sql) == nil {
                try await Self.insert(user: user, passwordHash: passwordHash, totpSecret: nil, at: time, on: sql)
            } else {
                try await sql.raw(
                    """
                    UPDATE web_credentials SET password_hash = \(bind: passwordHash), updated_at = \(bind: Timestamp.format(time))
                    WHERE user_id = \(bind: user.rawValue)
                    """
                ).run()
            }
            try await Self.endSessions(user, on: sql)
        }
    }

    /// Forgets the second factor, so the user enrols again at the next sign-in, and ends the user's sessions.
    /// False when the user has no web access at all.
    public func resetSecondFactor(user: UserID, at time: Date) async throws -> Bool {
        try await database.write { sql in
            guard try await Self.row(user, on: sql) != nil else { return false }
            try await sql.raw(
                """
                UPDATE web_credentials SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL,
                    updated_at = \(bind: Timestamp.format(time))
                WHERE user_id = \(bind: user.rawValue)
                """
            ).run()
            try await Self.endSessions(user, on: sql)
            return true
        }
    }

    public func credentials(user: UserID) async throws -> Credentials? {
        try await database.read { sql in try await Self.row(user, on: sql) }
    }

    static func row(_ user: UserID, on sql: any SQLDatabase) async throws -> Credentials? {
        try await sql.raw(
            """
            SELECT password_hash, totp_secret, totp_pending_secret, totp_last_step FROM web_credentials
            WHERE user_id = \(bind: user.rawValue)
            """
        ).first().map {
            Credentials(
                passwordHash: try $0.decode(column: "password_hash", as: String.self),
                totpSecret: try $0.decode(column: "totp_secret", as: String?.self),
                pendingSecret: try $0.decode(column: "totp_pending_secret", as: String?.self),
                lastStep: try $0.decode(column: "totp_last_step", as: Int64?.self)
            )
        }
    }

    private static func insert(user: UserID, passwordHash: String, totpSecret: String?, at time: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO web_credentials (user_id, password_hash, totp_secret, updated_at)
            VALUES (\(bind: user.rawValue), \(bind: passwordHash), \(bind: totpSecret), \(bind: Timestamp.format(time)))
            """
        ).run()
    }
}
