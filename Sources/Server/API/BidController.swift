import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Storage

/// Sealed bids: submitted, replaced, withdrawn and re-confirmed by their supplier until the deadline.
struct BidController {
    let ledger: Ledger
    let log: LogStore

    func register(on router: some RouterMethods<AppContext>) {
        router.post("tenders/:tender/bids", use: submit)
        router.get("tenders/:tender/bids", use: listForTender)
        router.get("tenders/:tender/bid-commitments", use: commitments)
        router.get("bids", use: listOwn)
        router.get("bids/:bid", use: show)
        router.put("bids/:bid", use: replace)
        router.post("bids/:bid/withdrawal", use: withdraw)
        router.post("bids/:bid/confirmation", use: confirm)
    }

    @Sendable func submit(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let tender = try await ledger.visibleTender(context)
        let tenderID = tender.value.id
        let input = try await CommandInput<BidRequest>.read(request, context: context, actor: actor)
        let id: BidID = NewID.make()
        let outcome = try await ledger.execute(
            .submit(id: id, tenderID: tenderID, lots: input.body.lots),
            bid: id,
            tender: tenderID,
            actor: actor,
            idempotency: input.idempotency
        )
        return try respond(outcome, status: .created, request: request, context: context)
    }

    /// Before opening only the caller's own bid appears; after it, every bid of a tender the caller may see.
    @Sendable func listForTender(_ request: Request, context: AppContext) async throws -> Response {
        let tender = try await ledger.visibleTender(context)
        let tenderID = tender.value.id
        let visible = try await ledger.bids(tender: tenderID).filter { Disclosure.canSee($0, of: tender.value, viewer: context.viewer) }
        return try JSONBody(value: BidPage(items: visible, sealed: tender.value.openedAt == nil)).response(from: request, context: context)
    }

    /// After opening, the salt and document behind every sealed log entry of the bids that counted, so anyone can
    /// check that what was opened is what was committed before the deadline.
    @Sendable func commitments(_ request: Request, context: AppContext) async throws -> Response {
        let tender = try await ledger.visibleTender(context)
        guard tender.value.openedAt != nil else {
            throw Problem(status: .conflict, code: "bids-sealed", detail: "bid commitments are revealed when the bids are opened")
        }
        let reveals = try await log.reveals(streams: tender.value.validBidIDs.map { "bid:\($0)" })
        let items = reveals.map {
            RevealResponse(sequence: $0.sequence, logIndex: $0.leafIndex, salt: $0.salt, document: $0.document, payload: $0.payload)
        }
        return try JSONBody(value: RevealPage(items: items)).response(from: request, context: context)
    }

    @Sendable func listOwn(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.requireActor()
        guard let organization = context.account?.organization.id else { throw Problem.unauthenticated }
        let bids = try await ledger.bids(supplier: organization)
        return try JSONBody(value: BidPage(items: bids, sealed: false)).response(from: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let bid = try await visibleBid(context)
        return try JSONBody(headers: [.eTag: "\"\(bid.version)\""], value: VersionedBody(value: bid.value, version: bid.version))
            .response(from: request, context: context)
    }

    @Sendable func replace(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(BidRequest.self, context: context)
        return try await run(.replace(lots: body.lots), request: request, context: context)
    }

    @Sendable func withdraw(_ request: Request, context: AppContext) async throws -> Response {
        try await run(.withdraw, request: request, context: context)
    }

    @Sendable func confirm(_ request: Request, context: AppContext) async throws -> Response {
        try await run(.confirm, request: request, context: context)
    }

    /// A bid the viewer may not see answers 404, exactly like one that does not exist.
    private func visibleBid(_ context: AppContext) async throws -> Versioned<Bid> {
        let id = BidID(try context.parameters.require("bid"))
        guard let bid = try await ledger.bid(id), let tender = try await ledger.tender(bid.value.tenderID),
            Disclosure.canSee(bid.value, of: tender.value, viewer: context.viewer)
        else { throw DomainError.notFound(entity: "bid", id: id.rawValue) }
        return bid
    }

    private func run(_ command: BidCommand, request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let bid = try await visibleBid(context)
        let outcome = try await ledger.execute(
            command,
            bid: bid.value.id,
            tender: bid.value.tenderID,
            actor: actor,
            expectedVersion: try request.expectedVersion
        )
        return try respond(outcome, status: .ok, request: request, context: context)
    }

    private func respond(_ outcome: CommandOutcome<Bid>, status: HTTPResponse.Status, request: Request, context: AppContext) throws -> Response {
        var headers: HTTPFields = [.eTag: "\"\(outcome.version)\"", .location: "/api/v1/bids/\(outcome.value.id)"]
        if outcome.replayed { headers[.idempotentReplayed] = "true" }
        return try JSONBody(status: status, headers: headers, value: VersionedBody(value: outcome.value, version: outcome.version))
            .response(from: request, context: context)
    }
}

/// The opening of one sealed log entry: `commitment = SHA-256("bid-commit/v1" ‖ salt ‖ SHA-256(document))`, and the
/// document's `payloadSHA256` is the SHA-256 of `payload`.
struct RevealResponse: Encodable, Sendable {
    let sequence: Int64
    let logIndex: UInt64
    /// 32 bytes, hex.
    let salt: String
    /// Canonical JSON of the event's type, stream, tender, actor key id and payload hash, exactly as hashed.
    let document: String
    /// The event's payload exactly as hashed.
    let payload: String
}

struct RevealPage: Encodable, Sendable { let items: [RevealResponse] }

struct BidPage: Encodable, Sendable {
    let items: [Bid]
    /// True while bids are sealed: others' bids are not listed, whatever the caller's role.
    let sealed: Bool
}
