import Foundation

extension Tender {
    func decideAfterDeadline(_ command: TenderCommand, context: TenderContext) throws -> [TenderEvent] {
        let now = context.now
        let actor = context.actor
        switch command {
        case .openBids:
            try actor.require(.buyerOfficer, in: buyerID, to: "opening bids")
            try require(.awaitingOpening, to: "open bids")
            let opened = try validBidIDs.map { bidID in
                guard let bid = context.bids.first(where: { $0.id == bidID }) else { throw DomainError.notFound(entity: "bid", id: bidID.rawValue) }
                return TenderEvent.BidsOpened.OpenedBid(bidID: bid.id, supplierID: bid.supplierID, lots: bid.lots)
            }
            return [.bidsOpened(.init(bids: opened, at: now))]

        case .decideBid(let bidID, let outcome, let reason, let rationale, let scores):
            guard case .user(let user, _) = actor else { throw DomainError.forbidden(code: "role-required", reason: "evaluation is done by people") }
            try actor.require(.evaluator, in: buyerID, to: "evaluating bids")
            try require(.evaluation, to: "evaluate bids")
            let bid = try openedBid(bidID, bids: context.bids)
            if let lot = bid.lots.first(where: { liveAward(for: $0.lotID) != nil }) {
                throw DomainError.ruleViolation(
                    code: "lot-already-awarded",
                    reason: "lot \(lot.lotID) has an award; reject it before changing decisions"
                )
            }
            try validateDecision(outcome: outcome, reason: reason, rationale: rationale, scores: scores)
            let decision = BidDecision(
                bidID: bidID,
                outcome: outcome,
                reason: reason,
                rationale: rationale,
                scores: outcome == .qualified ? scores : [:],
                decidedBy: user.id
            )
            return [.bidDecided(.init(decision: decision, at: now))]

        case .proposeAward(let lotID, let awardID):
            guard case .user(let user, _) = actor else { throw DomainError.forbidden(code: "role-required", reason: "awards are proposed by people") }
            try actor.require(.evaluator, in: buyerID, to: "proposing an award")
            try require(.evaluation, to: "propose an award")
            let lot = try lot(lotID)
            guard lot.status == .active, liveAward(for: lotID) == nil else {
                throw DomainError.ruleViolation(code: "lot-not-awardable", reason: "lot \(lotID) is \(lot.status.rawValue) or already has an award")
            }
            guard !awards.contains(where: { $0.id == awardID }) else {
                throw DomainError.conflict(code: "award-exists", reason: "award \(awardID) already exists")
            }
            let offers = try validBidIDs.map { try openedBid($0, bids: context.bids) }.filter { $0.offer(for: lotID) != nil }
            if let undecided = offers.first(where: { bid in !decisions.contains { $0.bidID == bid.id } }) {
                throw DomainError.ruleViolation(
                    code: "bids-undecided",
                    reason: "bid \(undecided.id) on lot \(lotID) has no qualification decision yet"
                )
            }
            let qualified = offers.filter { bid in decisions.contains { $0.bidID == bid.id && $0.outcome == .qualified } }
            guard let winner = Evaluation.rank(lot: lotID, bids: qualified, decisions: decisions, criteria: criteria).first else {
                throw DomainError.ruleViolation(code: "no-qualified-bids", reason: "no qualified bid on lot \(lotID); declare the lot unsuccessful")
            }
            let award = Award(
                id: awardID,
                lotID: lotID,
                bidID: winner.bid.id,
                supplierID: winner.bid.supplierID,
                value: winner.offer.price,
                score: winner.score,
                proposedBy: user.id,
                proposedAt: now,
                status: .pending
            )
            return [.awardProposed(.init(award: award))]

        case .approveAward(let awardID):
            guard case .user(let user, _) = actor else { throw DomainError.forbidden(code: "role-required", reason: "awards are approved by people") }
            try actor.require(.buyerApprover, in: buyerID, to: "approving an award")
            try require(.evaluation, to: "approve an award")
            let award = try pendingAward(awardID)
            let lotDeciders = Set(decisions.filter { decision in bidOffers(decision.bidID, lot: award.lotID, bids: context.bids) }.map(\.decidedBy))
            guard award.proposedBy != user.id, !lotDeciders.contains(user.id) else {
                throw DomainError.forbidden(
                    code: "segregation-of-duties",
                    reason: "the approver must not have evaluated this lot or proposed its award"
                )
            }
            let rules = try requireRules()
            return [
                .awardApproved(.init(awardID: awardID, approvedBy: user.id, standstillEnd: now + Double(rules.standstillDays) * Self.day, at: now))
            ]

        case .rejectAward(let awardID, let reason):
            try actor.require(.buyerApprover, in: buyerID, to: "rejecting an award")
            try require(.evaluation, to: "reject an award")
            _ = try pendingAward(awardID)
            try TenderEvent.Notice.text(reason, field: "reason", range: 10...5000)
            return [.awardRejected(.init(awardID: awardID, reason: reason, at: now))]

        case .endStandstill:
            try actor.requireSystem(to: "ending a standstill")
            let ended = awards.filter { $0.status == .standstill && ($0.standstillEnd.map { $0 <= now } ?? false) }
            guard !ended.isEmpty else {
                throw DomainError.ruleViolation(code: "deadline-not-reached", reason: "no standstill period has ended")
            }
            return [.standstillEnded(.init(awardIDs: ended.map(\.id), at: now))]

        case .declareLotUnsuccessful(let lotID, let reason):
            try actor.require(.buyerOfficer, in: buyerID, to: "declaring a lot unsuccessful")
            try require(.evaluation, to: "declare a lot unsuccessful")
            let lot = try lot(lotID)
            guard lot.status == .active, liveAward(for: lotID) == nil else {
                throw DomainError.ruleViolation(code: "lot-not-open", reason: "lot \(lotID) is \(lot.status.rawValue) or has an award")
            }
            try TenderEvent.Notice.text(reason, field: "reason", range: 10...5000)
            return [.lotUnsuccessful(.init(lotID: lotID, reason: reason, at: now))]

        case .signContract(let awardID, let contractID, let value):
            guard case .user(let user, _) = actor else {
                throw DomainError.forbidden(code: "role-required", reason: "contracts are signed by people")
            }
            try actor.require(.buyerApprover, in: buyerID, to: "signing a contract")
            guard [.evaluation, .standstill, .awarded].contains(status) else {
                throw DomainError.illegalTransition(action: "sign a contract", status: status.rawValue)
            }
            let award = try award(awardID)
            switch award.status {
            case .active: break
            case .standstill:
                throw DomainError.ruleViolation(
                    code: "standstill-running",
                    reason: "the standstill ends at \(award.standstillEnd.map(Timestamp.format) ?? "?"); sign after it"
                )
            default:
                throw DomainError.illegalTransition(action: "sign a contract for a \(award.status.rawValue) award", status: status.rawValue)
            }
            guard !contracts.contains(where: { $0.id == contractID }) else {
                throw DomainError.conflict(code: "contract-exists", reason: "contract \(contractID) already exists")
            }
            let contractValue = value ?? award.value
            guard contractValue.currency == award.value.currency, contractValue <= award.value, contractValue.amount > 0 else {
                throw DomainError.ruleViolation(
                    code: "contract-value-exceeds-award",
                    reason: "the contract value must be positive and at most the awarded \(award.value)"
                )
            }
            let contract = Contract(
                id: contractID,
                awardID: awardID,
                lotID: award.lotID,
                supplierID: award.supplierID,
                value: contractValue,
                signedAt: now,
                signedBy: user.id
            )
            return [.contractSigned(.init(contract: contract))]

        default:
            throw DomainError.illegalTransition(action: command.name, status: status.rawValue)
        }
    }

    /// The award of a lot that is not rejected, if any.
    public func liveAward(for lot: LotID) -> Award? {
        awards.last { $0.lotID == lot && $0.status != .rejected }
    }

    private func pendingAward(_ id: AwardID) throws -> Award {
        let award = try award(id)
        guard award.status == .pending else {
            throw DomainError.illegalTransition(action: "decide on a \(award.status.rawValue) award", status: status.rawValue)
        }
        return award
    }

    private func openedBid(_ id: BidID, bids: [Bid]) throws -> Bid {
        guard validBidIDs.contains(id), let bid = bids.first(where: { $0.id == id }) else {
            throw DomainError.notFound(entity: "bid", id: id.rawValue)
        }
        return bid
    }

    private func bidOffers(_ id: BidID, lot: LotID, bids: [Bid]) -> Bool {
        bids.first { $0.id == id }?.offer(for: lot) != nil
    }

    private func validateDecision(outcome: BidDecision.Outcome, reason: DisqualificationReason?, rationale: String?, scores: [String: Int]) throws {
        switch outcome {
        case .disqualified:
            guard reason != nil else {
                throw DomainError.invalidField(field: "reason", code: "reason-required", reason: "a disqualification needs a coded reason")
            }
            try TenderEvent.Notice.text(rationale ?? "", field: "rationale", range: 10...5000, code: "rationale-required")
        case .qualified:
            guard reason == nil else {
                throw DomainError.invalidField(field: "reason", code: "reason-not-allowed", reason: "a qualified bid has no disqualification reason")
            }
            if case .bestValue(_, let quality) = criteria {
                guard Set(scores.keys) == Set(quality.map(\.id)) else {
                    throw DomainError.invalidField(
                        field: "scores",
                        code: "scores-required",
                        reason: "score every quality criterion: \(quality.map(\.id).joined(separator: ", "))"
                    )
                }
                guard scores.values.allSatisfy({ (0...100).contains($0) }) else {
                    throw DomainError.invalidField(field: "scores", code: "invalid-score", reason: "scores are 0 to 100")
                }
            } else if !scores.isEmpty {
                throw DomainError.invalidField(field: "scores", code: "scores-not-allowed", reason: "only best-value procedures are scored")
            }
        }
    }
}
