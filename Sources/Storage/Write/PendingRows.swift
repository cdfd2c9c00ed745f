import Foundation
import Procurement
import SQLKit
import TransparencyLog

/// The rows of a write transaction's recorded changes not yet sent to the database: sent together, one multi-row
/// statement per table, when the transaction ends or something needs to read them through SQL.
struct PendingRows: Sendable {
    struct Event: Sendable {
        let recorded: RecordedEvent
        let pending: PendingEvent
    }

    struct Leaf: Sendable {
        let index: UInt64
        let sequence: Int64
        let entry: [UInt8]
        let sealing: LogEntry.Sealing
    }

    struct Key: Sendable {
        let key: IdempotencyKey
        let resource: String
        let time: Date
    }

    var events: [Event] = []
    var hashes: [(index: UInt64, hash: Hash)] = []
    var leaves: [Leaf] = []
    /// The latest state of each aggregate written; one row each however often it changed.
    var tenders: [TenderID: Versioned<Tender>] = [:]
    var bids: [BidID: Versioned<Bid>] = [:]
    var organizations: [Organization] = []
    var keys: [Key] = []

    var isEmpty: Bool { events.isEmpty && tenders.isEmpty && bids.isEmpty && organizations.isEmpty && keys.isEmpty }

    func write(on sql: any SQLDatabase) async throws {
        try await EventStore.insert(events, on: sql)
        try await LogSequencer.insert(hashes: hashes, leaves: leaves, on: sql)
        try await Projections.write(tenders: Array(tenders.values), bids: Array(bids.values), organizations: organizations, on: sql)
        try await IdempotencyKeys.insert(keys, on: sql)
    }
}
