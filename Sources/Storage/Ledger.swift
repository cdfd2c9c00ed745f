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

/// A client's idempotency key, scoped to the caller, with a fingerprint of the request it first came with.
public struct IdempotencyKey: Sendable {
    public let scope: String
    public let key: String
    public let fingerprint: String

    public init(scope: String, key: String, fingerprint: String) {
        self.scope = scope
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// The one way commands change state: in a single transaction it loads the aggregate, asks the pure `decide`,
/// appends the events, updates the projections and records the idempotency key.
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
        return try await idempotentWrite(
            idempotency,
            replay: { sql, first in try await Queries.tender(TenderID(first), on: sql) },
            run: { sql, now in
                let current = try await Queries.tender(id, on: sql)
                try Self.check(expectedVersion, against: current?.version)
                let bids = command.consultsBids ? try await Queries.bids(tender: id, on: sql) : []
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
                let from = current?.version ?? 0
                let recorded = try await EventStore.append(
                    pending,
                    to: "tender:\(id)",
                    expectedVersion: from,
                    actor: actor,
                    at: now,
                    tenderID: id,
                    on: sql
                )
                try await Projections.upsert(state, version: from + events.count, on: sql)
                return (CommandOutcome(value: state, version: from + events.count, events: recorded, replayed: false), id.rawValue)
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
        try await idempotentWrite(
            idempotency,
            replay: { sql, first in try await Queries.bid(BidID(first), on: sql) },
            run: { sql, now in
                let current = try await Queries.bid(id, on: sql)
                try Self.check(expectedVersion, against: current?.version)
                guard let tender = try await Queries.tender(tenderID, on: sql), current.map({ $0.value.tenderID == tenderID }) ?? true else {
                    throw DomainError.notFound(entity: "tender", id: tenderID.rawValue)
                }
                var active: BidID?
                if let supplier = actor.organizationID { active = try await Queries.liveBid(tender: tenderID, supplier: supplier, on: sql) }
                let context = BidContext(now: now, actor: actor, tender: tender.value, activeBidOfSupplier: active)
                let events = try Bid.decide(command, state: current?.value, context: context)
                var state = current?.value
                for event in events { state = Bid.evolve(state, event) }
                guard let state else { throw DomainError.notFound(entity: "bid", id: id.rawValue) }
                let pending = try events.map { try PendingEvent($0, audience: .owner, organization: state.supplierID, sealed: true, actor: actor) }
                let from = current?.version ?? 0
                let recorded = try await EventStore.append(
                    pending,
                    to: "bid:\(id)",
                    expectedVersion: from,
                    actor: actor,
                    at: now,
                    tenderID: tenderID,
                    on: sql
                )
                try await Projections.upsert(state, version: from + events.count, on: sql)
                return (CommandOutcome(value: state, version: from + events.count, events: recorded, replayed: false), id.rawValue)
            }
        )
    }

    public func register(_ organization: Organization, actor: Actor, idempotency: IdempotencyKey? = nil) async throws -> CommandOutcome<Organization>
    {
        try await idempotentWrite(
            idempotency,
            replay: { sql, first in try await Queries.organization(OrganizationID(first), on: sql).map { Versioned(value: $0, version: 1) } },
            run: { sql, now in
                let exists = try await Queries.organization(organization.id, on: sql) != nil
                let events = try Organization.decideRegistration(organization, exists: exists, actor: actor, now: now)
                let pending = try events.map { try PendingEvent($0, audience: .public, sealed: false, actor: actor) }
                let recorded = try await EventStore.append(
                    pending,
                    to: "organization:\(organization.id)",
                    expectedVersion: 0,
                    actor: actor,
                    at: now,
                    tenderID: nil,
                    on: sql
                )
                try await Projections.insert(organization, on: sql)
                return (CommandOutcome(value: organization, version: 1, events: recorded, replayed: false), organization.id.rawValue)
            }
        )
    }

    /// One write transaction for a command. A retried idempotent request returns its first resource (`replay`) and
    /// writes nothing; otherwise `body` runs at the platform time, truncated to the stored millisecond, and the key is
    /// recorded with the resource `body` names, in the same transaction.
    private func idempotentWrite<Value: Sendable>(
        _ idempotency: IdempotencyKey?,
        replay: @escaping @Sendable (any SQLDatabase, String) async throws -> Versioned<Value>?,
        run body: @escaping @Sendable (any SQLDatabase, Date) async throws -> (CommandOutcome<Value>, resource: String)
    ) async throws -> CommandOutcome<Value> {
        let time = time
        return try await database.write { sql in
            if let idempotency, let first = try await Self.replayed(idempotency, on: sql) {
                guard let earlier = try await replay(sql, first) else {
                    throw StorageError.corruptRow(table: "idempotency_keys", id: idempotency.key, reason: "names missing resource \(first)")
                }
                return CommandOutcome(value: earlier.value, version: earlier.version, events: [], replayed: true)
            }
            let now = Timestamp.flooredToMillisecond(time.now)
            let (outcome, resource) = try await body(sql, now)
            if let idempotency { try await Self.record(idempotency, resource: resource, at: now, on: sql) }
            return outcome
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

    private static func replayed(_ key: IdempotencyKey, on sql: any SQLDatabase) async throws -> String? {
        guard
            let row = try await sql.raw(
                "SELECT fingerprint, resource_id FROM idempotency_keys WHERE scope = \(bind: key.scope) AND key = \(bind: key.key)"
            ).first()
        else { return nil }
        guard try row.decode(column: "fingerprint", as: String.self) == key.fingerprint else {
            throw DomainError.invalidField(
                field: "Idempotency-Key",
                code: "idempotency-key-reused",
                reason: "this key was already used for a different request"
            )
        }
        return try row.decode(column: "resource_id", as: String.self)
    }

    private static func record(_ key: IdempotencyKey, resource: String, at time: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO idempotency_keys (scope, key, fingerprint, resource_id, created_at)
            VALUES (\(bind: key.scope), \(bind: key.key), \(bind: key.fingerprint), \(bind: resource), \(bind: Timestamp.format(time)))
            """
        ).run()
    }
}
