import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Testing

@testable import Storage

/// The text filter of tender listings: full-text search on PostgreSQL, words in the text on SQLite, and codes on both.
@Suite struct TenderSearchTests {
    static let tenders: [(id: String, title: String, description: String, item: String, cpv: String, nsn: String?)] = [
        (
            "monoculars", "Thermal imaging monoculars", "Handheld thermal monoculars for reconnaissance units", "Thermal monocular, 640x512",
            "38632000-4", nil
        ),
        ("drones", "Ударні дрони для бригад", "Постачання FPV-дронів із тепловізійними камерами", "Дрон FPV, 10 дюймів", "35613000-4", nil),
        ("radios", "Радіостанції для засобів зв'язку", "Портативні радіостанції УКХ", "Радіостанція УКХ", "32236000-6", "5820-12-345-6789"),
    ]

    /// What a query finds on either database.
    static let everywhere: [(query: String, found: Set<String>)] = [
        ("monocular", ["monoculars"]),
        ("THERMAL", ["monoculars"]),
        ("  thermal   reconnaissance ", ["monoculars"]),
        ("дрон", ["drones"]),
        ("ДРОНИ", ["drones"]),
        ("тепловізійними камерами", ["drones"]),
        ("зв'язку", ["radios"]),
        ("Радіостанція", ["radios"]),
        ("укх", ["radios"]),
        ("fpv", ["drones"]),
        ("3863", ["monoculars"]),
        ("35613000-4", ["drones"]),
        ("5820-12-345-6789", ["radios"]),
        ("582012", ["radios"]),
        ("artillery", []),
        ("дрон monocular", []),
        ("100%", []),
    ]

    /// PostgreSQL's web-search syntax: phrases, `or`, and excluded words.
    static let onPostgres: [(query: String, found: Set<String>)] = [
        (#""thermal monoculars""#, ["monoculars"]),
        (#""imaging thermal""#, []),
        ("дрон or monocular", ["drones", "monoculars"]),
        ("thermal -handheld", []),
        ("радіостанції -дрон", ["radios"]),
    ]

    @Test func queriesFindTheSameTendersOnEitherDatabase() async throws {
        try await withDatabase { database in
            let ledger = try await Self.ledger(with: Self.tenders, on: database)
            for (query, found) in Self.everywhere {
                #expect(try await Self.search(query, ledger) == found, "\(query)")
            }
            let postgres = try await database.read { $0.dialect.name == "postgresql" }
            guard postgres else { return }
            for (query, found) in Self.onPostgres {
                #expect(try await Self.search(query, ledger) == found, "\(query)")
            }
        }
    }

    @Test func textAndCodeFiltersCombine() async throws {
        try await withDatabase { database in
            let ledger = try await Self.ledger(with: Self.tenders, on: database)
            #expect(try await Self.search("радіостанції", ledger, code: "3223") == ["radios"])
            #expect(try await Self.search("радіостанції", ledger, code: "3863") == [])
            #expect(try await Self.search("3863", ledger, code: "3223") == [])
        }
    }

    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func postgresSearchesTheIndexedVector() async throws {
        let scratch = try await ScratchDatabase.create(.postgres)
        let database = try await scratch.open()
        _ = try await Self.ledger(with: Self.tenders, on: database)
        let vector = try await database.read { sql in
            try await sql.raw("SELECT search_vector::text AS vector FROM tenders WHERE id = 'drones'").first()?.decode(
                column: "vector",
                as: String.self
            )
        }
        let plan = try await database.snapshot { sql in
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            let filter = TenderSearch.text("дрон", on: sql)
            return try await sql.raw("EXPLAIN SELECT id FROM tenders WHERE \(filter)").all().map {
                try $0.decode(column: "QUERY PLAN", as: String.self)
            }
        }
        try await database.close()
        try await scratch.drop()
        #expect(vector?.contains("'дрони'") == true)
        #expect(plan.joined().contains("tenders_search"))
    }

    private static func ledger(
        with tenders: [(id: String, title: String, description: String, item: String, cpv: String, nsn: String?)],
        on database: any Database
    ) async throws -> Ledger {
        try await Migrator(database: database).migrate()
        let ledger = Ledger(database: database, time: ManualTime(LedgerTests.start))
        _ = try await ledger.register(LedgerTests.buyer, actor: .system)
        for tender in tenders {
            let item = Item(
                id: ItemID("i"),
                description: tender.item,
                cpv: try CPVCode(tender.cpv),
                nsn: try tender.nsn.map { try NSN($0) },
                quantity: 5,
                unit: .piece
            )
            let lot = Lot(id: LotID("lot-1"), title: tender.title, value: try Money(parsing: "100.00", .UAH), items: [item])
            let notice = TenderEvent.Notice(title: tender.title, description: tender.description, method: .open, lots: [lot])
            let id = TenderID(tender.id)
            _ = try await ledger.execute(.create(id: id, notice: notice), tender: id, actor: LedgerTests.officer)
        }
        return ledger
    }

    private static func search(_ text: String, _ ledger: Ledger, code: String? = nil) async throws -> Set<String> {
        let viewer = Viewer(organizationID: LedgerTests.buyer.id, roles: [.buyerOfficer], clearance: .unclassified)
        return Set(try await ledger.tenders(TenderFilter(code: code, text: text), viewer: viewer).map(\.id.rawValue))
    }
}
