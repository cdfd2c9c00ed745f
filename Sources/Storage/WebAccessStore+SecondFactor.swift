import Foundation
import Procurement
import SQLKit

/// TOTP enrolment and replay protection. Each step reads and writes in one write transaction, and writes are
/// serialized across instances, so two requests racing with the same code cannot both succeed.
extension WebAccessStore {
    /// The secret to show on the enrolment page: the one already waiting, else `candidate`, which is kept until a code
    /// from it is confirmed. Nil when the user has no web access or is already enrolled.
    public func beginEnrolment(user: UserID, candidate: String, at time: Date) async throws -> String? {
        try await database.write { sql in
            guard let credentials = try await Self.row(user, on: sql), credentials.totpSecret == nil else { return nil }
            if let pending = credentials.pendingSecret { return pending }
            try await sql.raw(
                """
                UPDATE web_credentials SET totp_pending_secret = \(bind: candidate), updated_at = \(bind: Timestamp.format(time))
                WHERE user_id = \(bind: user.rawValue)
                """
            ).run()
            return candidate
        }
    }

    /// Makes the waiting `secret` the active one, with `step` (the confirming code's) as the last used. False if the
    /// user meanwhile enrolled or the waiting secret changed.
    public func confirmEnrolment(user: UserID, secret: String, step: Int64, at time: Date) async throws -> Bool {
        try await database.write { sql in
            guard let credentials = try await Self.row(user, on: sql), credentials.totpSecret == nil, credentials.pendingSecret == secret else {
                return false
            }
            try await sql.raw(
                """
                UPDATE web_credentials SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                    totp_last_step = \(bind: step), updated_at = \(bind: Timestamp.format(time))
                WHERE user_id = \(bind: user.rawValue)
                """
            ).run()
            return true
        }
    }

    /// Records that a code of `secret` for time-step `step` was given. False — a replay — unless `step` is later than
    /// every step accepted before (and `secret` is still the active one).
    public func acceptStep(user: UserID, secret: String, step: Int64) async throws -> Bool {
        try await database.write { sql in
            guard let credentials = try await Self.row(user, on: sql), credentials.totpSecret == secret,
                credentials.lastStep.map({ step > $0 }) ?? true
            else { return false }
            try await sql.raw("UPDATE web_credentials SET totp_last_step = \(bind: step) WHERE user_id = \(bind: user.rawValue)").run()
            return true
        }
    }
}
