import Foundation
import Procurement
import SQLKit

/// Writes and reads the event log.
enum EventStore {
    /// Writes recorded events in sequence order; the writer assigned their sequence numbers.
    static func insert(_ events: [PendingRows.Event], on sql: any SQLDatabase) async throws {
        try await sql.insertRows(
            into: "events",
            columns: ["seq", "stream_id", "stream_version", "type", "payload", "actor", "occurred_at", "tender_id", "audience", "audience_org"],
            events.map { event in
                let recorded = event.recorded
                return [
                    recorded.sequence, recorded.streamID, recorded.streamVersion, recorded.type, String(decoding: recorded.payload, as: UTF8.self),
                    recorded.actor, Timestamp.format(recorded.occurredAt), recorded.tenderID?.rawValue, event.pending.audience.rawValue,
                    event.pending.audienceOrganization?.rawValue,
                ]
            }
        )
    }

    /// The change feed as `viewer` may see it, in sequence order.
    static func feed(after sequence: Int64, limit: Int, tender: TenderID?, viewer: Viewer, on sql: any SQLDatabase) async throws -> [FeedEntry] {
        let cleared = Disclosure.clearedClassifications(for: viewer).map { SQLBind($0.rawValue) }
        let organization = viewer.organizationID?.rawValue ?? ""
        let rows = try await sql.raw(
            """
            SELECT e.seq, e.stream_id, e.stream_version, e.type, e.payload, e.actor, e.occurred_at, e.tender_id, t.buyer_id
            FROM events e LEFT JOIN tenders t ON t.id = e.tender_id
            WHERE e.seq > \(bind: sequence) AND (\(bind: tender?.rawValue) IS NULL OR e.tender_id = \(bind: tender?.rawValue)) AND (
                (e.audience = 'public' AND (e.tender_id IS NULL OR t.classification IN \(SQLGroupExpression(cleared))))
                OR (e.audience = 'buyer' AND t.buyer_id = \(bind: organization) AND t.classification IN \(SQLGroupExpression(cleared)))
                OR (e.audience = 'owner' AND e.audience_org = \(bind: organization))
            )
            ORDER BY e.seq LIMIT \(bind: limit)
            """
        ).all()
        return try rows.map { row in
            let buyer = try row.decode(column: "buyer_id", as: String?.self).map(OrganizationID.init)
            return FeedEntry(event: try decode(row), showsActor: Disclosure.showsActor(tenderBuyer: buyer, viewer: viewer))
        }
    }

    static func stream(_ stream: String, on sql: any SQLDatabase) async throws -> [RecordedEvent] {
        try await sql.raw(
            "SELECT seq, stream_id, stream_version, type, payload, actor, occurred_at, tender_id FROM events WHERE stream_id = \(bind: stream) ORDER BY stream_version"
        ).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> RecordedEvent {
        let occurred = try row.decode(column: "occurred_at", as: String.self)
        guard let date = Timestamp.parse(occurred) else {
            throw StorageError.corruptRow(table: "events", id: occurred, reason: "bad occurred_at")
        }
        return RecordedEvent(
            sequence: try row.decode(column: "seq", as: Int64.self),
            streamID: try row.decode(column: "stream_id", as: String.self),
            streamVersion: try row.decode(column: "stream_version", as: Int.self),
            type: try row.decode(column: "type", as: String.self),
            payload: Data(try row.decode(column: "payload", as: String.self).utf8),
            actor: try row.decode(column: "actor", as: String.self),
            occurredAt: date,
            tenderID: try row.decode(column: "tender_id", as: String?.self).map(TenderID.init)
        )
    }
}
