import Foundation
import Procurement
import SQLKit

/// Writes the read models. Each row holds the aggregate's full state as JSON plus the columns queries filter on.
enum Projections {
    static func write(tenders: [Versioned<Tender>], bids: [Versioned<Bid>], organizations: [Organization], on sql: any SQLDatabase) async throws {
        try await sql.insertRows(
            into: "tenders",
            columns: [
                "id", "buyer_id", "status", "classification", "method", "title", "search_text", "cpv_codes", "next_deadline", "published_at",
                "created_at", "version", "state",
            ],
            try tenders.map(row),
            conflictKey: "id",
            updating: [
                "status", "classification", "method", "title", "search_text", "cpv_codes", "next_deadline", "published_at", "version", "state",
            ]
        )
        try await sql.insertRows(
            into: "bids",
            columns: ["id", "tender_id", "supplier_id", "status", "version", "state"],
            try bids.map { bid in
                [
                    bid.value.id.rawValue, bid.value.tenderID.rawValue, bid.value.supplierID.rawValue, bid.value.status.rawValue, bid.version,
                    try json(bid.value),
                ]
            },
            conflictKey: "id",
            updating: ["status", "version", "state"]
        )
        try await sql.insertRows(
            into: "organizations",
            columns: ["id", "name", "kind", "country", "version", "state"],
            try organizations.map { [$0.id.rawValue, $0.name, $0.kind.rawValue, $0.country, 1, try json($0)] }
        )
    }

    private static func row(_ versioned: Versioned<Tender>) throws -> [any Encodable & Sendable] {
        let tender = versioned.value
        let items = tender.lots.flatMap(\.items)
        let search = ([tender.title, tender.description] + tender.lots.map(\.title) + items.map(\.description)).joined(separator: " ").lowercased()
        let codes = " " + Set(items.map(\.cpv.value) + items.compactMap(\.nsn?.value)).sorted().joined(separator: " ") + " "
        return [
            tender.id.rawValue, tender.buyerID.rawValue, tender.status.rawValue, tender.classification.rawValue, tender.method.rawValue, tender.title,
            search, codes, tender.nextDeadline.map(Timestamp.format), tender.publishedAt.map(Timestamp.format), Timestamp.format(tender.createdAt),
            versioned.version, try json(tender),
        ]
    }

    private static func json(_ state: some Encodable) throws -> String {
        String(decoding: try EventCoding.encoder.encode(state), as: UTF8.self)
    }

    static func decodeState<T: Decodable>(_ type: T.Type, from row: any SQLRow, table: String, column: String = "state") throws -> T {
        let text = try row.decode(column: column, as: String.self)
        do {
            return try EventCoding.decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw StorageError.corruptRow(table: table, id: (try? row.decode(column: "id", as: String.self)) ?? "?", reason: "\(error)")
        }
    }
}
