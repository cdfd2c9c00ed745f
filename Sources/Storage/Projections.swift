import Foundation
import Procurement
import SQLKit

/// Writes the read models. Each row holds the aggregate's full state as JSON plus the columns queries filter on.
enum Projections {
    static func upsert(_ tender: Tender, version: Int, on sql: any SQLDatabase) async throws {
        let state = String(decoding: try EventCoding.encoder.encode(tender), as: UTF8.self)
        let items = tender.lots.flatMap(\.items)
        let search = ([tender.title, tender.description] + tender.lots.map(\.title) + items.map(\.description)).joined(separator: " ").lowercased()
        let codes = " " + Set(items.map(\.cpv.value) + items.compactMap(\.nsn?.value)).sorted().joined(separator: " ") + " "
        try await sql.raw(
            """
            INSERT INTO tenders (id, buyer_id, status, classification, method, title, search_text, cpv_codes, next_deadline, published_at, created_at, version, state)
            VALUES (\(bind: tender.id.rawValue), \(bind: tender.buyerID.rawValue), \(bind: tender.status.rawValue),
                    \(bind: tender.classification.rawValue), \(bind: tender.method.rawValue), \(bind: tender.title), \(bind: search), \(bind: codes),
                    \(bind: tender.nextDeadline.map(Timestamp.format)), \(bind: tender.publishedAt.map(Timestamp.format)), \(bind: Timestamp.format(tender.createdAt)), \(bind: version), \(bind: state))
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, classification = excluded.classification, method = excluded.method,
                title = excluded.title, search_text = excluded.search_text, cpv_codes = excluded.cpv_codes,
                next_deadline = excluded.next_deadline, published_at = excluded.published_at, version = excluded.version, state = excluded.state
            """
        ).run()
    }

    static func upsert(_ bid: Bid, version: Int, on sql: any SQLDatabase) async throws {
        let state = String(decoding: try EventCoding.encoder.encode(bid), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO bids (id, tender_id, supplier_id, status, version, state)
            VALUES (\(bind: bid.id.rawValue), \(bind: bid.tenderID.rawValue), \(bind: bid.supplierID.rawValue), \(bind: bid.status.rawValue),
                    \(bind: version), \(bind: state))
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, state = excluded.state
            """
        ).run()
    }

    static func insert(_ organization: Organization, on sql: any SQLDatabase) async throws {
        let state = String(decoding: try EventCoding.encoder.encode(organization), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO organizations (id, name, kind, country, version, state)
            VALUES (\(bind: organization.id.rawValue), \(bind: organization.name), \(bind: organization.kind.rawValue),
                    \(bind: organization.country), 1, \(bind: state))
            """
        ).run()
    }

    static func decodeState<T: Decodable>(_ type: T.Type, from row: any SQLRow, table: String) throws -> T {
        let text = try row.decode(column: "state", as: String.self)
        do {
            return try EventCoding.decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw StorageError.corruptRow(table: table, id: (try? row.decode(column: "id", as: String.self)) ?? "?", reason: "\(error)")
        }
    }
}
