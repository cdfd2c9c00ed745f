import Foundation
import Procurement
import SQLKit

/// A value with the version of the stream it was read from.
public struct Versioned<Value: Sendable>: Sendable {
    public let value: Value
    public let version: Int
}

/// What a command produced: the new state, its version, the recorded events; or, for a retried idempotent
/// request, the first result with no new events.
public struct CommandOutcome<Value: Sendable>: Sendable {
    public let value: Value
    public let version: Int
    public let events: [RecordedEvent]
    public let replayed: Bool
}

/// The one way commands change state: in the writer's transaction it loads the aggregate, asks the pure `decide`,
/// and records the events, the projection and the idempotency key as one change (``WriteBatch``).
public struct Ledger: Sendable {
    public let database: any Database
    public let time: any TimeSource
    public let ruleBook: RuleBook

    public init(database: any Database, time: any TimeSource, ruleBook: RuleBook = .standard) {
        self.database = database
        self.time = time
        self.ruleBook = ruleBook
    }

    public func execute(
        _ command: TenderCommand,
        tender id: TenderID,
        actor: Actor,
        expectedVersion: Int? = nil,
        idempotency: IdempotencyKey? = nil
    ) async throws -> CommandOutcome<Tender> {
        let ruleBook = ruleBook
        return try await perform(
            idempotency,
            replay: { batch, first in try await batch.tender(TenderID(first)) },
            decide: { batch, now in
                let current = try await batch.tender(id)
                try Self.check(expectedVersion, against: current?.version)
                let bids = command.consultsBids ? try await batch.bids(tender: id) : []
                let events = try Tender.decide(
                    command,
                    state: current?.value,
                    context: TenderContext(now: now, actor: actor, ruleBook: ruleBook, bids: bids)
                )
                var state = current?.value
                var pending: [PendingEvent] = []
                for event in events {
                    let audience = Disclosure.audience(of: event, before: state)
                    state = Tender.evolve(state, event)
                    let sealed = audience != .public || (state?.classification ?? .unclassified) > .unclassified
                    pending.append(try PendingEvent(event, audience: audience, sealed: sealed, actor: actor))
                }
                guard let state else { throw DomainError.notFound(entity: "tender", id: id.rawValue) }
                let change = Change(
                    stream: "tender:\(id)",
                    expectedVersion: current?.version ?? 0,
                    events: pending,
                    actor: actor,
                    time: now,
                    tenderID: id,
                    aggregate: .tender(state)
                )
                return (change, state, id.rawValue)
            }
        )
    }

    public func execute(
        _ command: BidCommand,
        bid id: BidID,
        tender tenderID: TenderID,
        actor: Actor,
        expectedVersion: Int? = nil,
        idempotency: IdempotencyKey? = nil
    ) async throws -> CommandOutcome<Bid> {
        try await perform(
            idempotency,
            replay: { batch, first in try await batch.bid(BidID(first)) },
            decide: { batch, now in
                let current = try await batch.bid(id)
                try Self.check(expectedVersion, against: current?.version)
                guard let tender = try await batch.tender(tenderID), current.map({ $0.value.tenderID == tenderID }) ?? true else {
                    throw DomainError.notFound(entity: "tender", id: tenderID.rawValue)
                }
                var active: BidID?
                if let supplier = actor.organizationID { active = try await batch.liveBid(tender: tenderID, supplier: supplier) }
                let context = BidContext(now: now, actor: actor, tender: tender.value, activeBidOfSupplier: active)
                let events = try Bid.decide(command, state: current?.value, context: context)
                var state = current?.value
                for event in events { state = Bid.evolve(state, event) }
                guard let state else { throw DomainError.notFound(entity: "bid", id: id.rawValue) }
                let change = Change(
                    stream: "bid:\(id)",
                    expectedVersion: current?.version ?? 0,
                    events: try events.map { try PendingEvent($0, audience: .owner, organization: state.supplierID, sealed: true, actor: actor) },
                    actor: actor,
                    time: now,
                    tenderID: tenderID,
                    aggregate: .bid(state)
                )
                return (change, state, id.rawValue)
            }
        )
    }

    public func register(_ organization: Organization, actor: Actor, idempotency: IdempotencyKey? = nil) async throws -> CommandOutcome<Organization>
    {
        try await perform(
            idempotency,
            replay: { batch, first in try await batch.organization(OrganizationID(first)).map { Versioned(value: $0, version: 1) } },
            decide: { batch, now in
                let exists = try await batch.organization(organization.id) != nil
                let events = try Organization.decideRegistration(organization, exists: exists, actor: actor, now: now)
                let change = Change(
                    stream: "organization:\(organization.id)",
                    expectedVersion: 0,
                    events: try events.map { try PendingEvent($0, audience: .public, sealed: false, actor: actor) },
                    actor: actor,
                    time: now,
                    tenderID: nil,
                    aggregate: .organization(organization)
                )
                return (change, organization, organization.id.rawValue)
            }
        )
    }

    /// One command in the writer's transaction. A retried idempotent request returns its first resource (`replay`)
    /// and records nothing; otherwise `decide` runs at the platform time, truncated to the stored millisecond, and
    /// its change is recorded with the key and the resource it names.
    private func perform<Value: Sendable>(
        _ idempotency: IdempotencyKey?,
        replay: @escaping @Sendable (WriteBatch, String) async throws -> Versioned<Value>?,
        decide: @escaping @Sendable (WriteBatch, Date) async throws -> (Change, Value, resource: String)
    ) async throws -> CommandOutcome<Value> {
        let time = time
        return try await database.record { batch in
            if let idempotency, let first = try await batch.resource(of: idempotency) {
                guard let earlier = try await replay(batch, first) else {
                    throw StorageError.corruptRow(table: "idempotency_keys", id: idempotency.key, reason: "names missing resource \(first)")
                }
                return CommandOutcome(value: earlier.value, version: earlier.version, events: [], replayed: true)
            }
            let (change, value, resource) = try await decide(batch, Timestamp.flooredToMillisecond(time.now))
            let recorded = try await batch.record(change, idempotency: idempotency.map { ($0, resource) })
            return CommandOutcome(value: value, version: change.version, events: recorded, replayed: false)
        }
    }

    private static func check(_ expected: Int?, against current: Int?) throws {
        if let expected, expected != (current ?? 0) {
            throw DomainError.conflict(
                code: "version-conflict",
                reason: "the resource is at version \(current ?? 0), not \(expected); reload it and retry"
            )
        }
    }
}
