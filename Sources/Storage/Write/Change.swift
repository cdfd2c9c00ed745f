import Foundation
import Procurement

/// What one command changes, decided before anything is written: events appended to one stream at the version it
/// was read at, and the aggregate's state after them for its projection.
struct Change: Sendable {
    enum Aggregate: Sendable {
        case tender(Tender)
        case bid(Bid)
        case organization(Organization)
    }

    let stream: String
    let expectedVersion: Int
    let events: [PendingEvent]
    let actor: Actor
    let time: Date
    let tenderID: TenderID?
    let aggregate: Aggregate

    var version: Int { expectedVersion + events.count }
}
