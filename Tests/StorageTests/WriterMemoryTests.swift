import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Storage
import Testing
import TransparencyLog

/// The writer remembers aggregates and the log's right edge between transactions; these check that it never acts on
/// what another process or a plain SQL write changed, and that a write breaking its transaction fails alone.
@Suite struct WriterMemoryTests {
    @Test func twoInstancesTakingTurnsOnOneTenderSeeEachOthersWrites() async throws {
        try await TestBackend.withEach { first, scratch in
            try await Migrator(database: first).migrate()
            try await Self.withSecondInstance(of: scratch) { second in
                let time = ManualTime(LedgerTests.start)
                let (one, two) = (Ledger(database: first, time: time), Ledger(database: second, time: time))
                _ = try await one.register(LedgerTests.buyer, actor: .system)
                let id = TenderID("t")
                _ = try await one.execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: LedgerTests.officer)
                for (round, ledger) in [two, one, two, one].enumerated() {
                    var notice = LedgerTests.notice
                    notice.title = "Radios, revision \(round)"
                    let amended = try await ledger.execute(
                        .amend(notice: notice, tenderPeriodEnd: nil),
                        tender: id,
                        actor: LedgerTests.officer,
                        expectedVersion: round + 1
                    )
                    #expect(amended.version == round + 2)
                }
                // The first instance last wrote at version 5; the second's view of version 4 is stale and refused.
                await #expect(throws: DomainError.self) {
                    try await two.execute(
                        .amend(notice: LedgerTests.notice, tenderPeriodEnd: nil),
                        tender: id,
                        actor: LedgerTests.officer,
                        expectedVersion: 4
                    )
                }
                let title = try await two.tender(id)?.value.title
                let sequences = try await Self.sequences(on: second)
                try await LogFixture.publish(LogStore(database: second), CheckpointSigner(origin: LogFixture.origin, keys: [Self.key]))
                let verified = try await LogVerifier(database: first, origin: LogFixture.origin, keys: [Self.key.verifierKey]).verify()
                #expect(title == "Radios, revision 3")
                #expect(sequences == Array(1...6))
                #expect(verified.failure == nil)
            }
        }
    }

    @Test func aBidWithdrawnOnAnotherInstanceNoLongerBlocksANewOne() async throws {
        try await TestBackend.withEach { first, scratch in
            try await Migrator(database: first).migrate()
            try await Self.withSecondInstance(of: scratch) { second in
                let time = ManualTime(LogFixture.start)
                let (one, two) = (Ledger(database: first, time: time), Ledger(database: second, time: time))
                let (supplier, representative) = LogFixture.supplier("alpha")
                _ = try await one.register(LedgerTests.buyer, actor: .system)
                _ = try await one.register(supplier, actor: .system)
                let tender = TenderID("t")
                _ = try await one.execute(.create(id: tender, notice: LedgerTests.notice), tender: tender, actor: LedgerTests.officer)
                _ = try await one.execute(
                    .publish(candidatePeriodEnd: nil, tenderPeriodEnd: LogFixture.start + 10 * 86_400),
                    tender: tender,
                    actor: LedgerTests.officer
                )
                _ = try await one.execute(
                    .submit(id: BidID("b-1"), tenderID: tender, lots: LogFixture.offer("90.00")),
                    bid: BidID("b-1"),
                    tender: tender,
                    actor: representative
                )
                _ = try await two.execute(.withdraw, bid: BidID("b-1"), tender: tender, actor: representative)
                let resubmitted = try await one.execute(
                    .submit(id: BidID("b-2"), tenderID: tender, lots: LogFixture.offer("85.00")),
                    bid: BidID("b-2"),
                    tender: tender,
                    actor: representative
                )
                // And the first instance now knows b-2 is live: a third bid is refused.
                await #expect(throws: DomainError.self) {
                    try await one.execute(
                        .submit(id: BidID("b-3"), tenderID: tender, lots: LogFixture.offer("80.00")),
                        bid: BidID("b-3"),
                        tender: tender,
                        actor: representative
                    )
                }
                #expect(resubmitted.value.status == .submitted)
            }
        }
    }

    @Test func eventsWrittenByPlainSQLAreNoticedBeforeTheNextCommand() async throws {
        try await TestBackend.withEach { database, _ in
            try await Migrator(database: database).migrate()
            let ledger = Ledger(database: database, time: ManualTime(LedgerTests.start))
            _ = try await ledger.register(LedgerTests.buyer, actor: .system)
            try await database.write { sql in
                try await sql.raw(
                    "INSERT INTO events (seq, stream_id, stream_version, type, payload, actor, occurred_at, audience) VALUES (2, 'x', 1, 't', '{}', 'a', 'now', 'public')"
                ).run()
            }
            let id = TenderID("t")
            let created = try await ledger.execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: LedgerTests.officer)
            #expect(created.events.map(\.sequence) == [3])
        }
    }

    @Test func aWriteThatBreaksItsTransactionFailsAloneAndTheOthersCommit() async throws {
        try await TestBackend.withEach { database, _ in
            try await Migrator(database: database).migrate()
            let ledger = Ledger(database: database, time: ManualTime(LedgerTests.start))
            _ = try await ledger.register(LedgerTests.buyer, actor: .system)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let id = TenderID("t-\(index)")
                        _ = try await ledger.execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: LedgerTests.officer)
                        return true
                    }
                    if index == 10 {
                        group.addTask {
                            // Ends the shared transaction under the writes batched with it.
                            do {
                                try await database.write { sql in try await sql.raw("ROLLBACK").run() }
                                return true
                            } catch { return false }
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            let sequences = try await Self.sequences(on: database)
            let leaves = try await LogStore(database: database).size()
            #expect(outcomes.filter { $0 }.count == 20)
            #expect(sequences == Array(1...21))
            #expect(leaves == 21)
        }
    }

    /// A second server instance on the same data, closed however `body` ends.
    private static func withSecondInstance(of scratch: ScratchDatabase, _ body: (any Database) async throws -> Void) async throws {
        let second = try await scratch.open()
        do { try await body(second) } catch {
            try? await second.close()
            throw error
        }
        try await second.close()
    }

    private static let key = try! NoteSignerKey.generate(name: LogFixture.origin)

    private static func sequences(on database: any Database) async throws -> [Int] {
        try await database.read { sql in
            try await sql.raw("SELECT seq FROM events ORDER BY seq").all().map { try $0.decode(column: "seq", as: Int.self) }
        }
    }
}
