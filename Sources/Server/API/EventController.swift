import Foundation
import Hummingbird
import Procurement
import Storage

/// `GET /api/v1/events?after=SEQ&limit=N[&tender=ID]`: the change feed in sequence order, filtered by what the caller
/// may see; with `tender`, one tender's timeline.
struct EventController {
    let ledger: Ledger
    let log: LogStore

    func register(on router: some RouterMethods<AppContext>) {
        router.get("events", use: feed)
    }

    struct EventResponse: Encodable, Sendable {
        let sequence: Int64
        let streamID: String
        let streamVersion: Int
        let type: String
        let occurredAt: Date
        /// Withheld from readers outside the buying organisation, so the feed does not reveal who bids or asks.
        let actor: String?
        let tenderID: TenderID?
        /// The event's leaf in the transparency log; prove it with `/tlog/proof/inclusion?index=`.
        let logIndex: UInt64?
        let payload: JSONValue
    }

    struct EventPage: Encodable, Sendable {
        let events: [EventResponse]
        /// Pass as `after` to read on; equal to the request's `after` when nothing new is visible.
        let lastSequence: Int64
    }

    @Sendable func feed(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        let after = Int64(try Paging.int(query["after"], name: "after", default: 0, range: 0...Int.max))
        let limit = try Paging.int(query["limit"], name: "limit", default: 100, range: 1...1000)
        let tender = query["tender"].map { TenderID(String($0)) }
        let entries = try await ledger.events(after: after, limit: limit, tender: tender, viewer: context.viewer)
        let indexes = try await log.leafIndexes(sequences: entries.map(\.event.sequence))
        let events = try entries.map { entry in
            let event = entry.event
            return EventResponse(
                sequence: event.sequence,
                streamID: event.streamID,
                streamVersion: event.streamVersion,
                type: event.type,
                occurredAt: event.occurredAt,
                actor: entry.showsActor ? event.actor : nil,
                tenderID: event.tenderID,
                logIndex: indexes[event.sequence],
                payload: try JSONDecoder().decode(JSONValue.self, from: entry.showsActor ? event.payload : Self.redacted(event))
            )
        }
        return try JSONBody(value: EventPage(events: events, lastSequence: events.last?.sequence ?? after)).response(from: request, context: context)
    }

    /// The payload without values the publication policy withholds; the same readers who may not see the actor may
    /// not see them (the tender itself shows them once the embargo is lifted).
    static func redacted(_ event: RecordedEvent) throws -> Data {
        guard event.type.hasPrefix("tender.") else { return event.payload }
        return try Disclosure.redacted(TenderEvent.decode(type: event.type, payload: event.payload)).encodePayload()
    }
}
