import Foundation
import Procurement
import Server
import Storage

/// The demo world: the Ministry of Defence of Ukraine, its procurement agencies and units, an auditor and eighteen
/// suppliers, with 38 procedures in every status. Everything is produced by issuing real commands through `Ledger`
/// on a manual clock that starts 90 days before the seeding moment and never passes it, so the event log, the
/// projections and every deadline look exactly as if the world had lived through those 90 days.
///
/// Deterministic: fixed ids (`tender-01`, `bid-01-a`, `award-01-1`, …), fixed content, times relative to `now`.
/// The fixed API tokens (`tokenTable`) exist only in databases seeded with `serve --demo`.
enum DemoWorld {
    /// Seeds the world when the database has no organisation yet. Returns whether it seeded.
    static func seedIfEmpty(database: any Database, until now: Date) async throws -> Bool {
        guard try await Ledger(database: database, time: SystemTime()).organizations().isEmpty else { return false }
        // Whole minutes: every time in the log is exact at millisecond precision, and the clock stays at or before `now`.
        let anchor = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let clock = ManualTime(anchor - 90 * day)
        let ledger = Ledger(database: database, time: clock)
        try await registerParties(ledger: ledger, identity: IdentityStore(database: database), clock: clock)
        try await run(try script(now: anchor), on: ledger, clock: clock)
        return true
    }

    static let day: TimeInterval = 86_400

    /// Every tender's timeline, merged and executed in time order (ties keep script order), so the event log's
    /// sequence and its timestamps increase together.
    private static func run(_ stories: [Story], on ledger: Ledger, clock: ManualTime) async throws {
        let steps = stories.flatMap(\.steps).enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        for step in steps {
            clock.set(step.at)
            do {
                switch step.action {
                case .tender(let command, let tender, let actor):
                    _ = try await ledger.execute(command, tender: tender, actor: actor)
                case .bid(let command, let bid, let tender, let actor):
                    _ = try await ledger.execute(command, bid: bid, tender: tender, actor: actor)
                }
            } catch {
                throw Failure(step: step, error: error)
            }
        }
    }

    /// A demo command the domain refused: a bug in the script or in the domain, never to be skipped.
    struct Failure: Error, CustomStringConvertible {
        let step: Step
        let error: any Error

        var description: String {
            "demo seeding failed at \(Timestamp.format(step.at)): \(step.summary) was refused — \(describe(error))"
        }
    }

    /// A domain refusal as its code and message; anything else as is.
    static func describe(_ error: any Error) -> String {
        (error as? DomainError).map { "\($0.code): \($0.message)" } ?? "\(error)"
    }

    /// A mistake in the demo script itself, found while building it.
    struct ScriptError: Error, CustomStringConvertible {
        let description: String
    }
}
