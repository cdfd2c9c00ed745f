import Foundation
import Procurement
import SQLKit
import TransparencyLog

/// The writer's view of one write transaction, for the ledger's commands: it reads aggregates from the writer's
/// memory, falling back to the database, and records each command's change in memory, sending the rows of all of
/// them in one set of multi-row statements at the end. A change is recorded whole or not at all, so a refused
/// command leaves nothing behind; reads through SQL first send the rows recorded so far, so they see them.
public actor WriteBatch {
    private let sql: any SQLDatabase
    private(set) var memory: WriterMemory
    private var pending = PendingRows()
    /// Whether the memory has been checked against the database since the last plain SQL write.
    private var checked = false

    init(sql: any SQLDatabase, memory: WriterMemory) {
        self.sql = sql
        self.memory = memory
    }

    /// Checks the writer's memory against the database, which another process or a plain SQL write may have
    /// changed since, and forgets what changed. Runs before a ledger command's first read.
    func check() async throws {
        guard !checked else { return }
        checked = true
        let row = try await sql.raw(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events) AS seq, (SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM tlog_leaves) AS leaves"
        ).first()
        let sequence = try row?.decode(column: "seq", as: Int64.self) ?? 0
        let leaves = UInt64(try row?.decode(column: "leaves", as: Int64.self) ?? 0)
        guard memory.lastSequence != sequence || memory.leafCount != leaves else { return }
        if let last = memory.lastSequence, last < sequence {
            let streams = try await sql.raw("SELECT DISTINCT stream_id FROM events WHERE seq > \(bind: last)").all()
            memory.forget(streams: try streams.map { try $0.decode(column: "stream_id", as: String.self) })
        } else {
            memory.forgetAggregates()
        }
        memory.lastSequence = sequence
        memory.leafCount = leaves
        memory.frontier = nil
    }

    /// The transaction's connection for a plain SQL write, with every recorded row sent first.
    func sqlForPlainWrite() async throws -> any SQLDatabase {
        checked = false
        return try await flushed()
    }

    /// The transaction's connection, with every recorded row sent.
    func flushed() async throws -> any SQLDatabase {
        if !pending.isEmpty {
            let rows = pending
            pending = PendingRows()
            try await rows.write(on: sql)
        }
        return sql
    }

    func tender(_ id: TenderID) async throws -> Versioned<Tender>? {
        if let known = memory.tenders[id] { return known }
        let loaded = try await Queries.tender(id, on: flushed())
        memory.tenders[id] = loaded
        return loaded
    }

    func bid(_ id: BidID) async throws -> Versioned<Bid>? {
        if let known = memory.bids[id] { return known }
        let loaded = try await Queries.bid(id, on: flushed())
        memory.bids[id] = loaded
        return loaded
    }

    func bids(tender: TenderID) async throws -> [Bid] {
        try await Queries.bids(tender: tender, on: flushed())
    }

    func liveBid(tender: TenderID, supplier: OrganizationID) async throws -> BidID? {
        let key = WriterMemory.LiveBidKey(tender: tender, supplier: supplier)
        if let known = memory.liveBids[key] { return known }
        let loaded = try await Queries.liveBid(tender: tender, supplier: supplier, on: flushed())
        memory.liveBids[key] = loaded
        return loaded
    }

    func organization(_ id: OrganizationID) async throws -> Organization? {
        if let known = memory.organizations[id] { return known }
        let loaded = try await Queries.organization(id, on: flushed())
        memory.organizations[id] = loaded
        return loaded
    }

    /// The resource an idempotency key's first request made, if the key was used before.
    func resource(of key: IdempotencyKey) async throws -> String? {
        if let recorded = pending.keys.first(where: { $0.key.scope == key.scope && $0.key.key == key.key }) {
            return try key.resource(recorded: recorded.key.fingerprint, resource: recorded.resource)
        }
        // Only key rows write that table, and none of this key is pending: no need to send the others first.
        return try await IdempotencyKeys.resource(of: key, on: sql)
    }

    /// Records `change`: numbers its events after the newest, appends them to the log, and keeps the aggregate's
    /// new state; with `idempotency`, the key and the resource it made. Nothing is kept if it throws.
    func record(_ change: Change, idempotency: (key: IdempotencyKey, resource: String)?) async throws -> [RecordedEvent] {
        guard let last = memory.lastSequence else { preconditionFailure("record before check") }
        var frontier = try await frontier()
        var events: [PendingRows.Event] = []
        var hashes: [(index: UInt64, hash: Hash)] = []
        var leaves: [PendingRows.Leaf] = []
        for (offset, event) in change.events.enumerated() {
            let recorded = RecordedEvent(
                sequence: last + Int64(offset) + 1,
                streamID: change.stream,
                streamVersion: change.expectedVersion + offset + 1,
                type: event.type,
                payload: event.payload,
                actor: change.actor.key,
                occurredAt: change.time,
                tenderID: change.tenderID
            )
            let entry = LogEntry(event: recorded, sealing: event.sealing).bytes
            // An entry bundle frames entries with a 16-bit length; a longer one could never be served.
            guard entry.count <= EntryBundle.maxEntryLength else {
                throw StorageError.corruptRow(
                    table: "tlog_leaves",
                    id: "\(recorded.sequence)",
                    reason: "log entry of \(entry.count) bytes is too long"
                )
            }
            let leaf = frontier.size
            let (first, stored) = frontier.append(leafHash: Hash.leaf(entry))
            hashes += stored.enumerated().map { (first + UInt64($0.offset), $0.element) }
            leaves.append(PendingRows.Leaf(index: leaf, sequence: recorded.sequence, entry: entry, sealing: event.sealing))
            events.append(PendingRows.Event(recorded: recorded, pending: event))
        }
        pending.events += events
        pending.hashes += hashes
        pending.leaves += leaves
        memory.lastSequence = last + Int64(events.count)
        memory.leafCount = frontier.size
        memory.frontier = frontier
        switch change.aggregate {
        case .tender(let tender):
            let versioned = Versioned(value: tender, version: change.version)
            memory.tenders[tender.id] = versioned
            pending.tenders[tender.id] = versioned
        case .bid(let bid):
            memory.remember(bid, version: change.version)
            pending.bids[bid.id] = Versioned(value: bid, version: change.version)
        case .organization(let organization):
            memory.organizations[organization.id] = organization
            pending.organizations.append(organization)
        }
        if let idempotency {
            pending.keys.append(PendingRows.Key(key: idempotency.key, resource: idempotency.resource, time: change.time))
        }
        return events.map(\.recorded)
    }

    /// The log's right edge, read from the database the first time.
    private func frontier() async throws -> TreeFrontier {
        if let known = memory.frontier { return known }
        let loaded = try await TreeFrontier(size: memory.leafCount, from: SQLHashReader(sql: flushed()))
        memory.frontier = loaded
        return loaded
    }
}
