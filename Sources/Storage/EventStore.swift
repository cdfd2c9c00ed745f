import Foundation
import Procurement
import SQLKit

/// Appends to and reads the event log.
enum EventStore {
    /// Appends `events` to `stream`, which must be at `expectedVersion`. Runs inside the caller's transaction; the
    /// writer is serialized, so the next sequence number follows the last committed one with no gap.
    static func append(
        _ events: [PendingEvent],
        to stream: String,
        expectedVersion: Int,
        actor: Actor,
        at time: Date,
        tenderID: TenderID?,
        on sql: any SQLDatabase
    ) async throws -> [RecordedEvent] {
        let current = try await version(of: stream, on: sql)
        guard current == expectedVersion else {
            throw DomainError.conflict(
                code: "version-conflict",
                reason: "\(stream) is at version \(current), not \(expectedVersion); reload and retry"
            )
        }
        var recorded: [RecordedEvent] = []
        for (offset, event) in events.enumerated() {
            let version = expectedVersion + offset + 1
            let payload = String(decoding: event.payload, as: UTF8.self)
            let row = try await sql.raw(
                """
                INSERT INTO events (seq, stream_id, stream_version, type, payload, actor, occurred_at, tender_id, audience, audience_org)
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM events), \(bind: stream), \(bind: version), \(bind: event.type), \(bind: payload), \(bind: actor.key),
                        \(bind: Timestamp.format(time)), \(bind: tenderID?.rawValue), \(bind: event.audience.rawValue),
                        \(bind: event.audienceOrganization?.rawValue))
                RETURNING seq
                """
            ).first()
            guard let sequence = try row?.decode(column: "seq", as: Int64.self) else {
                throw StorageError.corruptRow(table: "events", id: stream, reason: "insert returned no sequence number")
            }
            recorded.append(
                RecordedEvent(
                    sequence: sequence,
                    streamID: stream,
                    streamVersion: version,
                    type: event.type,
                    payload: event.payload,
                    actor: actor.key,
                    occurredAt: time,
                    tenderID: tenderID
                )
            )
        }
        try await LogSequencer.append(Array(zip(recorded, events.map(\.sealing))), on: sql)
        return recorded
    }

    static func version(of stream: String, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(stream_version), 0) AS version FROM events WHERE stream_id = \(bind: stream)").first()
        return try row?.decode(column: "version", as: Int.self) ?? 0
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
