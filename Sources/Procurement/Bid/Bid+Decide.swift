import Foundation

extension Bid {
    /// Decides a bid command against the bid (nil before submission) and the tender it is for.
    public static func decide(_ command: BidCommand, state: Bid?, context: BidContext) throws -> [BidEvent] {
        let tender = context.tender
        guard case .user(let user, let kind) = context.actor, kind == .supplier else {
            throw DomainError.forbidden(code: "supplier-only", reason: "only suppliers submit and manage bids")
        }
        try context.actor.require(.supplierRepresentative, to: "managing a bid")
        try requireOpenForBids(tender, now: context.now)
        let now = context.now

        switch command {
        case .submit(let id, let tenderID, let lots):
            guard state == nil else { throw DomainError.conflict(code: "bid-exists", reason: "bid \(id) already exists") }
            guard tenderID == tender.id else { throw DomainError.notFound(entity: "tender", id: tenderID.rawValue) }
            guard tender.admits(supplier: user.organizationID) else {
                throw DomainError.forbidden(
                    code: "not-invited",
                    reason: "your organisation is not admitted to bid in this \(tender.method.rawValue) procedure"
                )
            }
            if let existing = context.activeBidOfSupplier {
                throw DomainError.conflict(
                    code: "bid-already-submitted",
                    reason: "your organisation already has bid \(existing) on this tender; replace or withdraw it"
                )
            }
            try validate(lots, for: tender)
            return [
                .submitted(
                    .init(bidID: id, tenderID: tender.id, supplierID: user.organizationID, lots: lots, noticeVersion: tender.noticeVersion, at: now)
                )
            ]

        case .replace(let lots):
            let bid = try owned(state, by: user)
            try validate(lots, for: tender)
            return [.replaced(.init(bidID: bid.id, lots: lots, noticeVersion: tender.noticeVersion, at: now))]

        case .withdraw:
            let bid = try owned(state, by: user)
            return [.withdrawn(.init(bidID: bid.id, at: now))]

        case .confirm:
            let bid = try owned(state, by: user)
            guard bid.needsConfirmation(against: tender) else {
                throw DomainError.ruleViolation(
                    code: "confirmation-not-needed",
                    reason: "the bid is already confirmed against notice version \(tender.noticeVersion)"
                )
            }
            // The notice changed: the offer must still fit it (lots, currency, estimate), or be replaced instead.
            try validate(bid.lots, for: tender)
            return [.confirmed(.init(bidID: bid.id, noticeVersion: tender.noticeVersion, at: now))]
        }
    }

    private static func requireOpenForBids(_ tender: Tender, now: Date) throws {
        guard tender.status == .tendering else {
            throw DomainError.illegalTransition(action: "submit or change bids", status: tender.status.rawValue)
        }
        guard let deadline = tender.tenderPeriodEnd, now < deadline else {
            throw DomainError.ruleViolation(code: "deadline-passed", reason: "the bid deadline has passed; bids can no longer change")
        }
    }

    private static func owned(_ state: Bid?, by user: User) throws -> Bid {
        guard let bid = state else { throw DomainError.notFound(entity: "bid", id: "") }
        guard bid.supplierID == user.organizationID else {
            throw DomainError.notFound(entity: "bid", id: bid.id.rawValue)
        }
        guard bid.status == .submitted else {
            throw DomainError.illegalTransition(action: "change a withdrawn bid", status: "withdrawn")
        }
        return bid
    }

    private static func validate(_ lots: [LotBid], for tender: Tender) throws {
        guard !lots.isEmpty else {
            throw DomainError.invalidField(field: "lots", code: "no-lots", reason: "a bid must offer at least one lot")
        }
        guard Set(lots.map(\.lotID)).count == lots.count else {
            throw DomainError.invalidField(field: "lots", code: "duplicate-lot", reason: "each lot may be offered once per bid")
        }
        for offer in lots {
            guard let lot = tender.lots.first(where: { $0.id == offer.lotID }), lot.status == .active else {
                throw DomainError.invalidField(field: "lots.lotID", code: "unknown-lot", reason: "the tender has no open lot \(offer.lotID)")
            }
            guard offer.price.currency == lot.value.currency else {
                throw DomainError.invalidField(
                    field: "lots.price",
                    code: "currency-mismatch",
                    reason: "lot \(lot.id) is priced in \(lot.value.currency.rawValue)"
                )
            }
            guard offer.price.amount > 0 else {
                throw DomainError.invalidField(field: "lots.price", code: "non-positive-price", reason: "a price must be greater than zero")
            }
            guard offer.price <= lot.value else {
                throw DomainError.ruleViolation(
                    code: "price-above-estimate",
                    reason: "the price for lot \(lot.id) exceeds its estimated value \(lot.value)"
                )
            }
            if case .lifeCycleCost = tender.criteria {
                guard let cost = offer.ownershipCost, cost.currency == lot.value.currency else {
                    throw DomainError.invalidField(
                        field: "lots.ownershipCost",
                        code: "ownership-cost-required",
                        reason: "life-cycle-cost evaluation needs an ownership cost in \(lot.value.currency.rawValue) for lot \(lot.id)"
                    )
                }
            }
        }
    }
}
