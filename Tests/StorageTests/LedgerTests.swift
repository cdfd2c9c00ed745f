import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Storage
import Testing

@Suite struct LedgerTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let buyer = Organization(
        id: OrganizationID("dpa"),
        name: "Defence Procurement Agency",
        kind: .procurementAgency,
        country: "UKR",
        edrpou: try! EDRPOU("00034022")
    )
    static let officer = Actor.user(
        User(id: UserID("officer"), organizationID: OrganizationID("dpa"), name: "Officer", roles: [.buyerOfficer]),
        organizationKind: .procurementAgency
    )

    static var notice: TenderEvent.Notice {
        let item = Item(id: ItemID("i"), description: "Radio", cpv: try! CPVCode("35811300-5"), quantity: 5, unit: .piece)
        return TenderEvent.Notice(
            title: "Radios",
            description: "",
            method: .open,
            lots: [Lot(id: LotID("lot-1"), title: "Radios", value: try! Money(parsing: "100.00", .UAH), items: [item])]
        )
    }

    private func withLedger(_ body: (Ledger, any Database, ManualTime) async throws -> Void) async throws {
        try await withDatabase { database in
            try await Migrator(database: database).migrate()
            let time = ManualTime(Self.start)
            let ledger = Ledger(database: database, time: time)
            _ = try await ledger.register(Self.buyer, actor: .system)
            try await body(ledger, database, time)
        }
    }

    @Test func theSQLiteDatabaseRunsInWALWithFullSync() async throws {
        let scratch = try await ScratchDatabase.create(.sqlite)
        let database = try await scratch.open()
        let mode = try await database.write { sql in
            try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        let sync = try await database.write { sql in try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) }
        try await database.close()
        try await scratch.drop()
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test func recordedEventsCannotBeChangedOrRemoved() async throws {
        try await withLedger { ledger, database, _ in
            _ = try await ledger.execute(.create(id: TenderID("t"), notice: Self.notice), tender: TenderID("t"), actor: Self.officer)
            await #expect(throws: (any Error).self) { try await database.write { try await $0.raw("UPDATE events SET payload = '{}'").run() } }
            await #expect(throws: (any Error).self) { try await database.write { try await $0.raw("DELETE FROM events").run() } }
            let sequence = try await ledger.lastSequence()
            #expect(sequence == 2)
        }
    }

    @Test func aFailedTransactionLeavesNoTrace() async throws {
        try await withLedger { ledger, database, _ in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await database.write { sql in
                    try await sql.raw(
                        "INSERT INTO events (seq, stream_id, stream_version, type, payload, actor, occurred_at, audience) VALUES (2, 'x', 1, 't', '{}', 'a', 'now', 'public')"
                    ).run()
                    throw Boom()
                }
            }
            let afterRollback = try await ledger.lastSequence()
            #expect(afterRollback == 1)
            await #expect(throws: DomainError.self) { try await ledger.register(Self.buyer, actor: .system) }
            let afterRefusal = try await ledger.lastSequence()
            #expect(afterRefusal == 1)
        }
    }

    @Test func aStaleExpectedVersionIsAConflictAndWritesNothing() async throws {
        try await withLedger { ledger, _, _ in
            let id = TenderID("t")
            let created = try await ledger.execute(.create(id: id, notice: Self.notice), tender: id, actor: Self.officer)
            #expect(created.version == 1)
            var notice = Self.notice
            notice.title = "Radios, revised"
            let amended = try await ledger.execute(.amend(notice: notice, tenderPeriodEnd: nil), tender: id, actor: Self.officer, expectedVersion: 1)
            #expect(amended.version == 2)
            await #expect(throws: DomainError.conflict(code: "version-conflict", reason: "the resource is at version 2, not 1; reload it and retry"))
            {
                try await ledger.execute(.amend(notice: Self.notice, tenderPeriodEnd: nil), tender: id, actor: Self.officer, expectedVersion: 1)
            }
            let title = try await ledger.tender(id)?.value.title
            #expect(title == "Radios, revised")
        }
    }

    @Test func replayingTheStreamRebuildsTheProjection() async throws {
        try await withLedger { ledger, _, time in
            let id = TenderID("t")
            _ = try await ledger.execute(.create(id: id, notice: Self.notice), tender: id, actor: Self.officer)
            _ = try await ledger.execute(
                .publish(candidatePeriodEnd: nil, tenderPeriodEnd: Self.start + 10 * 86_400),
                tender: id,
                actor: Self.officer
            )
            time.advance(by: 11 * 86_400)
            let due = try await ledger.dueTenders(at: time.now)
            #expect(due == [id])
            _ = try await ledger.execute(.closePeriod, tender: id, actor: .system)
            let dueAfterClosing = try await ledger.dueTenders(at: time.now)
            #expect(dueAfterClosing.isEmpty)
            let events = try await ledger.events(tender: id)
            #expect(events.map(\.streamVersion) == [1, 2, 3])
            #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
            let replayed = try events.reduce(nil as Tender?) { state, event in
                Tender.evolve(state, try TenderEvent.decode(type: event.type, payload: event.payload))
            }
            let projected = try await ledger.tender(id)?.value
            #expect(replayed == projected)
            #expect(replayed?.status == .unsuccessful)
        }
    }

    @Test func dataSurvivesReopening() async throws {
        try await TestBackend.withEach { first, scratch in
            try await Migrator(database: first).migrate()
            _ = try await Ledger(database: first, time: ManualTime(Self.start)).register(Self.buyer, actor: .system)
            let second = try await scratch.open()
            let organization = try await Ledger(database: second, time: ManualTime(Self.start)).organization(OrganizationID("dpa"))
            #expect(organization?.name == "Defence Procurement Agency")
            let pending = try await Migrator(database: second).pending()
            #expect(pending.isEmpty)
            try await second.close()
        }
    }

    @Test func concurrentWritersAreSerialisedAndTheSequenceHasNoGaps() async throws {
        try await withLedger { ledger, _, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let id = TenderID("t-\(index)")
                        _ = try await ledger.execute(.create(id: id, notice: Self.notice), tender: id, actor: Self.officer)
                    }
                }
                try await group.waitForAll()
            }
            let sequences = try await ledger.database.read { sql in
                try await sql.raw("SELECT seq FROM events ORDER BY seq").all().map { try $0.decode(column: "seq", as: Int.self) }
            }
            #expect(sequences == Array(1...41))
        }
    }

    @Test func aRefusedWriteAmongConcurrentOnesRollsBackAloneAndLeavesNoGap() async throws {
        try await withLedger { ledger, _, _ in
            let created = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        // Every third write creates the same tender: one of them succeeds, the other nine are refused.
                        let id = TenderID(index % 3 == 0 ? "t-same" : "t-\(index)")
                        do {
                            _ = try await ledger.execute(.create(id: id, notice: Self.notice), tender: id, actor: Self.officer)
                            return true
                        } catch is DomainError {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: 0) { count, succeeded in count += succeeded ? 1 : 0 }
            }
            let sequences = try await ledger.database.read { sql in
                try await sql.raw("SELECT seq FROM events ORDER BY seq").all().map { try $0.decode(column: "seq", as: Int.self) }
            }
            #expect(created == 21)
            #expect(sequences == Array(1...22))
        }
    }
}
