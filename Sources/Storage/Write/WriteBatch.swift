import Foundation
import Procurement
import SQLKit
import Synchronization
import TransparencyLog

/// The writer's view of one write transaction, for the ledger's commands: it reads aggregates from the writer's
/// memory, falling back to the database, and records each command's change in memory, sending the rows of all of
/// them in one set of multi-row statements at the end. A change is recorded whole or not at all, so a refused
/// command leaves nothing behind; reads through SQL first send the rows recorded so far, so they see them.
///
/// The writer uses it for one command at a time. It is a class behind a lock rather than an actor so that a read
/// the memory answers never suspends: every hop of the writer waits behind all the requests the server is handling.
public final class WriteBatch: Sendable {
    private struct State {
        var memory: WriterMemory
        var pending = PendingRows()
        /// Whether the memory has been checked against the database since the last plain SQL write.
        var checked = false
    }

    private let sql: any SQLDatabase
    private let state: Mutex<State>

    init(sql: any SQLDatabase, memory: WriterMemory) {
        self.sql = sql
        state = Mutex(State(memory: memory))
    }

    var memory: WriterMemory { state.withLock { $0.memory } }

    /// Checks the writer's memory against the database, which another process or a plain SQL write may have
    /// changed since, and forgets what changed. Runs before a ledger command's first read.
    func check() async throws {
        let unchecked = state.withLock { state in
            defer { state.checked = true }
            return !state.checked
        }
        guard unchecked else { return }
        let row = try await sql.raw(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM events) AS seq, (SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM tlog_leaves) AS leaves"
        ).first()
        let sequence = try row?.decode(column: "seq", as: Int64.self) ?? 0
        let leaves = UInt64(try row?.decode(column: "leaves", as: Int64.self) ?? 0)
        let known = memory
        guard known.lastSequence != sequence || known.leafCount != leaves else { return }
        var streams: [String]?
        if let last = known.lastSequence, last < sequence {
            streams = try await sql.raw("SELECT DISTINCT stream_id FROM events WHERE seq > \(bind: last)").all()
                .map { try $0.decode(column: "stream_id", as: String.self) }
        }
        state.withLock { state in
            if let streams { state.memory.forget(streams: streams) } else { state.memory.forgetAggregates() }
            state.memory.lastSequence = sequence
            state.memory.leafCount = leaves
            state.memory.frontier = nil
        }
    }

    /// The transaction's connection for a plain SQL write, with every recorded row sent first.
    func sqlForPlainWrite() async throws -> any SQLDatabase {
        state.withLock { $0.checked = false }
        return try await flushed()
    }

    /// The transaction's connection, with every recorded row sent.
    func flushed() async throws -> any SQLDatabase {
        let rows = state.withLock { state in
            defer { state.pending = PendingRows() }
            return state.pending
        }
        if !rows.isEmpty { try await rows.write(on: sql) }
        return sql
    }

    // Recording a change remembers its aggregate, and the memory forgets only with nothing pending (at a check,
    // which follows a flush, or after the commit): an aggregate the memory lacks has no pending rows, so reading it
    // through SQL needs no flush.

    func tender(_ id: TenderID) async throws -> Versioned<Tender>? {
        try await remembered(\.tenders[id]) { try await Queries.tender(id, on: sql) }
    }

    func bid(_ id: BidID) async throws -> Versioned<Bid>? {
        try await remembered(\.bids[id]) { try await Queries.bid(id, on: sql) }
    }

    func bids(tender: TenderID) async throws -> [Bid] {
        try await Queries.bids(tender: tender, on: flushed())
    }

    /// A supplier's live bid. The memory may lack it while one of the supplier's bids for the tender is pending (one
    /// withdrawn in this transaction); only then does the query need the rows sent first.
    func liveBid(tender: TenderID, supplier: OrganizationID) async throws -> BidID? {
        try await remembered(\.liveBids[WriterMemory.LiveBidKey(tender: tender, supplier: supplier)]) {
            let pending = state.withLock { $0.pending.bids.values.contains { $0.value.tenderID == tender && $0.value.supplierID == supplier } }
            return try await Queries.liveBid(tender: tender, supplier: supplier, on: pending ? flushed() : sql)
        }
    }

    func organization(_ id: OrganizationID) async throws -> Organization? {
        try await remembered(\.organizations[id]) { try await Queries.organization(id, on: sql) }
    }

    /// What the memory holds at `path`, or else what `load` reads, then remembered.
    private func remembered<Value: Sendable>(_ path: WritableKeyPath<WriterMemory, Value?>, load: () async throws -> Value?) async throws -> Value? {
        if let known = state.withLock({ $0.memory[keyPath: path] }) { return known }
        let loaded = try await load()
        state.withLock { $0.memory[keyPath: path] = loaded }
        return loaded
    }

    /// The resource an idempotency key's first request made, if the key was used before.
    func resource(of key: IdempotencyKey) async throws -> String? {
        let recorded = state.withLock { $0.pending.keys.first { $0.key.scope == key.scope && $0.key.key == key.key } }
        if let recorded { return try key.resource(recorded: recorded.key.fingerprint, resource: recorded.resource) }
        // Only key rows write that table, and none of this key is pending: no need to send the others first.
        return try await IdempotencyKeys.resource(of: key, on: sql)
    }

    /// Records `change`: numbers its events after the newest, appends them to the log, and keeps the aggregate's
    /// new state; with `idempotency`, the key and the resource it made. Nothing is kept if it throws.
    func record(_ change: Change, idempotency: (key: IdempotencyKey, resource: String)?) async throws -> [RecordedEvent] {
        let loaded = try await frontier()
        return try state.withLock { state in
            guard let last = state.memory.lastSequence else { preconditionFailure("record before check") }
            var frontier = loaded
            var rows = PendingRows()
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
                rows.hashes += stored.enumerated().map { (first + UInt64($0.offset), $0.element) }
                rows.leaves.append(PendingRows.Leaf(index: leaf, sequence: recorded.sequence, entry: entry, sealing: event.sealing))
                rows.events.append(PendingRows.Event(recorded: recorded, pending: event))
            }
            state.pending.events += rows.events
            state.pending.hashes += rows.hashes
            state.pending.leaves += rows.leaves
            state.memory.lastSequence = last + Int64(rows.events.count)
            state.memory.leafCount = frontier.size
            state.memory.frontier = frontier
            switch change.aggregate {
            case .tender(let tender):
                let versioned = Versioned(value: tender, version: change.version)
                state.memory.tenders[tender.id] = versioned
                state.pending.tenders[tender.id] = versioned
            case .bid(let bid):
                state.memory.remember(bid, version: change.version)
                state.pending.bids[bid.id] = Versioned(value: bid, version: change.version)
            case .organization(let organization):
                state.memory.organizations[organization.id] = organization
                state.pending.organizations.append(organization)
            }
            if let idempotency {
                state.pending.keys.append(PendingRows.Key(key: idempotency.key, resource: idempotency.resource, time: change.time))
            }
            return rows.events.map(\.recorded)
        }
    }

    /// The log's right edge, read from the database the first time.
    private func frontier() async throws -> TreeFrontier {
        let (known, size) = state.withLock { ($0.memory.frontier, $0.memory.leafCount) }
        if let known { return known }
        let loaded = try await TreeFrontier(size: size, from: SQLHashReader(sql: flushed()))
        state.withLock { $0.memory.frontier = loaded }
        return loaded
    }
}
