import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Storage
import Testing

/// Several server instances on one PostgreSQL database, each with its own connection pool, as behind a load balancer.
@Suite struct PostgresInstancesTests {
    @Test func continuousIntegrationRunsThePostgresVariants() {
        #expect(!TestBackend.missingInCI, "CI=true but \(TestBackend.variable) is unset: the PostgreSQL runs would be skipped")
    }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func twoInstancesWriteOneGapFreeSequenceThatReadersSeeInOrder() async throws {
        let scratch = try await ScratchDatabase.create(.postgres)
        let first = try await scratch.open()
        let second = try await scratch.open()
        let writes = 120
        let outcome: (gaps: [[Int64]], sequences: [Int64], leaves: [Int64])
        do { outcome = try await Self.write(writes, through: first, and: second) } catch {
            // A pool freed while open stops the whole test process (AsyncKit asserts it), hiding this error.
            try? await first.close()
            try? await second.close()
            try? await scratch.drop()
            throw error
        }
        try await first.close()
        try await second.close()
        try await scratch.drop()
        let (gaps, sequences, leaves) = outcome
        #expect(sequences == Array(1...Int64(writes + 1)))
        #expect(leaves == sequences)
        #expect(gaps.isEmpty, "a reader saw later events before earlier ones: \(gaps)")
    }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func exactlyOneInstanceLeadsEachDutyAndAnotherTakesOverWhenItStops() async throws {
        let scratch = try await ScratchDatabase.create(.postgres)
        let first = try await scratch.open()
        let second = try await scratch.open()
        let firstLeads = try await first.leads(.scheduler)
        let secondLeads = try await second.leads(.scheduler)
        let secondSigns = try await second.leads(.checkpointSigner)
        let firstSigns = try await first.leads(.checkpointSigner)
        try await first.close()
        let secondTakesOver = try await second.leads(.scheduler)
        try await second.close()
        try await scratch.drop()
        #expect(firstLeads && !secondLeads)
        #expect(secondSigns && !firstSigns)
        #expect(secondTakesOver)
    }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func migratingFromTwoInstancesAtOnceAppliesEachMigrationOnce() async throws {
        let scratch = try await ScratchDatabase.create(.postgres)
        let first = try await scratch.open()
        let second = try await scratch.open()
        async let one = Migrator(database: first).migrate()
        async let two = Migrator(database: second).migrate()
        let applied = try await one + two
        try await first.close()
        try await second.close()
        try await scratch.drop()
        #expect(applied.sorted() == Migrations.all.map(\.name).sorted())
    }

    /// Creates `writes` tenders through both instances at once while a reader polls the second; returns what the
    /// reader saw out of order, then the event sequences and the log leaves' sequences.
    private static func write(
        _ writes: Int,
        through first: any Database,
        and second: any Database
    ) async throws -> (gaps: [[Int64]], sequences: [Int64], leaves: [Int64]) {
        try await Migrator(database: first).migrate()
        let ledgers = [first, second].map { Ledger(database: $0, time: ManualTime(LedgerTests.start)) }
        _ = try await ledgers[0].register(LedgerTests.buyer, actor: .system)
        async let observed = watchFeed(on: second, until: Int64(writes + 1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<writes {
                group.addTask {
                    let id = TenderID("t-\(index)")
                    _ = try await ledgers[index % 2].execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: LedgerTests.officer)
                }
            }
            try await group.waitForAll()
        }
        let gaps = try await observed
        let leaves = try await first.read { sql in
            try await sql.raw("SELECT seq FROM tlog_leaves ORDER BY leaf_index").all().map { try $0.decode(column: "seq", as: Int64.self) }
        }
        return (gaps, try await sequences(on: first), leaves)
    }

    private static func sequences(on database: any Database) async throws -> [Int64] {
        try await database.read { sql in
            try await sql.raw("SELECT seq FROM events ORDER BY seq").all().map { try $0.decode(column: "seq", as: Int64.self) }
        }
    }

    /// Polls the event table as a feed reader would until it holds `count` events; returns every poll that saw a gap.
    private static func watchFeed(on database: any Database, until count: Int64) async throws -> [[Int64]] {
        var gaps: [[Int64]] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let seen = try await sequences(on: database)
            if seen != (0..<seen.count).map({ Int64($0) + 1 }) { gaps.append(seen) }
            if seen.count >= count { break }
        }
        return gaps
    }
}
