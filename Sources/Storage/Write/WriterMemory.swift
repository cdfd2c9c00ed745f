import Procurement
import TransparencyLog

/// What the single writer knows of the committed data between transactions, so that a command whose aggregate is
/// here reads nothing from the database. It holds only while no other process has written: a write transaction
/// compares the newest event sequence number and log size with the database's before its first command
/// (``WriteBatch/check()``) and forgets whatever changed elsewhere. After a failed transaction it is dropped entirely.
struct WriterMemory: Sendable {
    /// The newest committed event's sequence number; nil when nothing is known.
    var lastSequence: Int64?
    var leafCount: UInt64 = 0
    /// The tree's right edge, all that appending the next leaves needs; nil until read.
    var frontier: TreeFrontier?
    var tenders: [TenderID: Versioned<Tender>] = [:]
    var bids: [BidID: Versioned<Bid>] = [:]
    var organizations: [OrganizationID: Organization] = [:]
    /// A supplier's submitted bid for a tender, where known; absence means "ask the database".
    var liveBids: [LiveBidKey: BidID] = [:]

    struct LiveBidKey: Hashable, Sendable {
        let tender: TenderID
        let supplier: OrganizationID
    }

    /// Bounds the memory: past this many aggregates it starts again empty (the log position stays).
    static let capacity = 10_000

    mutating func forgetAggregates() {
        tenders = [:]
        bids = [:]
        organizations = [:]
        liveBids = [:]
    }

    /// Forgets the streams another process wrote to, by their ids (`tender:…`, `bid:…`, `organization:…`). A
    /// supplier's live bid can only change with a write to that bid's stream (a second one cannot be submitted
    /// while it is live), so only the entries naming a forgotten bid go.
    mutating func forget(streams: [String]) {
        var forgottenBids: Set<BidID> = []
        for stream in streams {
            let parts = stream.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "tender": tenders[TenderID(parts[1])] = nil
            case "bid": forgottenBids.insert(BidID(parts[1]))
            case "organization": organizations[OrganizationID(parts[1])] = nil
            default: continue
            }
        }
        for bid in forgottenBids { bids[bid] = nil }
        liveBids = liveBids.filter { !forgottenBids.contains($0.value) }
    }

    mutating func remember(_ bid: Bid, version: Int) {
        bids[bid.id] = Versioned(value: bid, version: version)
        let key = LiveBidKey(tender: bid.tenderID, supplier: bid.supplierID)
        if bid.status == .submitted {
            liveBids[key] = bid.id
        } else if liveBids[key] == bid.id {
            liveBids[key] = nil
        }
    }

    mutating func trim() {
        if tenders.count + bids.count + organizations.count > Self.capacity { forgetAggregates() }
    }
}
