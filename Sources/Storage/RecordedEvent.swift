import Foundation
import Procurement

/// An event as stored: its global sequence number, stream position, and JSON payload.
public struct RecordedEvent: Sendable, Hashable {
    public let sequence: Int64
    public let streamID: String
    public let streamVersion: Int
    public let type: String
    public let payload: Data
    public let actor: String
    public let occurredAt: Date
    public let tenderID: TenderID?
}

/// An event in the change feed, and whether the reader may see who caused it.
public struct FeedEntry: Sendable, Hashable {
    public let event: RecordedEvent
    public let showsActor: Bool
}

/// An event about to be appended, with who may read it.
struct PendingEvent: Sendable {
    let type: String
    let payload: Data
    let audience: Disclosure.Audience
    let audienceOrganization: OrganizationID?
    let sealing: LogEntry.Sealing

    /// Sealed events go into the transparency log as salted commitments; others with their payload hash, naming the
    /// actor unless it is a supplier.
    init(_ event: some DomainEvent, audience: Disclosure.Audience, organization: OrganizationID? = nil, sealed: Bool, actor: Actor) throws {
        type = event.type
        payload = try event.encodePayload()
        self.audience = audience
        audienceOrganization = organization
        let supplier = if case .user(_, .supplier) = actor { true } else { false }
        sealing = LogEntry.Sealing(salt: sealed ? LogSequencer.salt() : nil, namesActor: !sealed && !supplier)
    }
}
