import Foundation

extension Tender {
    func publication(candidatePeriodEnd: Date?, tenderPeriodEnd: Date?, context: TenderContext) throws -> TenderEvent.Published {
        let now = context.now
        let rules = try context.ruleBook.rules(for: method, on: now)
        switch method {
        case .restricted:
            guard let candidatePeriodEnd, tenderPeriodEnd == nil else {
                throw DomainError.invalidField(
                    field: "candidatePeriodEnd",
                    code: "candidate-period-required",
                    reason: "a restricted procedure is published with a candidate deadline; the bid deadline is set at invitation"
                )
            }
            try Self.checkDeadline(
                candidatePeriodEnd,
                field: "candidatePeriodEnd",
                now: now,
                minimumDays: rules.minimumCandidatePeriodDays ?? 0,
                rules: rules
            )
            return .init(
                notice: notice,
                rules: rules,
                status: .candidateSelection,
                candidatePeriodEnd: candidatePeriodEnd,
                enquiryPeriodEnd: nil,
                tenderPeriodEnd: nil,
                at: now
            )
        case .open, .negotiated:
            guard let tenderPeriodEnd, candidatePeriodEnd == nil else {
                throw DomainError.invalidField(
                    field: "tenderPeriodEnd",
                    code: "tender-period-required",
                    reason: "an \(method.rawValue) procedure is published with a bid deadline only"
                )
            }
            try Self.checkDeadline(tenderPeriodEnd, field: "tenderPeriodEnd", now: now, minimumDays: rules.minimumTenderingDays, rules: rules)
            return .init(
                notice: notice,
                rules: rules,
                status: .tendering,
                candidatePeriodEnd: nil,
                enquiryPeriodEnd: tenderPeriodEnd - Double(rules.enquiryCutoffDays) * Self.day,
                tenderPeriodEnd: tenderPeriodEnd,
                at: now
            )
        }
    }

    /// A draft changes freely. A published notice keeps its method, criteria, classification and invitations; each
    /// change raises the notice version and pushes the running deadline out to the rule's minimum if needed.
    func amendment(notice: TenderEvent.Notice, requestedEnd: Date?, context: TenderContext) throws -> TenderEvent.Amended {
        let now = context.now
        try context.actor.require(.buyerOfficer, in: buyerID, to: "amending a tender")
        try notice.validate()
        if status == .draft {
            guard requestedEnd == nil else {
                throw DomainError.invalidField(field: "tenderPeriodEnd", code: "not-published", reason: "deadlines are set when publishing")
            }
            return .init(notice: notice, noticeVersion: noticeVersion, candidatePeriodEnd: nil, enquiryPeriodEnd: nil, tenderPeriodEnd: nil, at: now)
        }
        guard [.candidateSelection, .tendering].contains(status), let currentEnd = currentPeriodEnd, now < currentEnd else {
            throw DomainError.illegalTransition(action: "amend the notice", status: status.rawValue)
        }
        let currencies = Dictionary(lots.map { ($0.id, $0.value.currency) }, uniquingKeysWith: { first, _ in first })
        guard notice.lots.allSatisfy({ lot in currencies[lot.id].map { $0 == lot.value.currency } ?? true }) else {
            throw DomainError.ruleViolation(code: "fixed-after-publication", reason: "a published lot keeps its currency")
        }
        guard notice.method == method, notice.criteria == criteria, notice.classification == classification,
            notice.invitedSupplierIDs == invitedSupplierIDs, notice.negotiationGround == negotiationGround
        else {
            throw DomainError.ruleViolation(
                code: "fixed-after-publication",
                reason: "method, criteria, classification, ground and invitations cannot change after publication"
            )
        }
        let rules = try requireRules()
        let requested = requestedEnd ?? currentEnd
        guard requested >= currentEnd else {
            throw DomainError.ruleViolation(code: "deadline-shortened", reason: "a published deadline may be extended, never shortened")
        }
        let newEnd = max(requested, now + Double(rules.minimumDaysAfterAmendment) * Self.day)
        guard newEnd <= now + Self.longestPeriod else {
            throw DomainError.invalidField(
                field: "tenderPeriodEnd",
                code: "deadline-too-far",
                reason: "tenderPeriodEnd must be within a year from now"
            )
        }
        if status == .candidateSelection {
            return .init(
                notice: notice,
                noticeVersion: noticeVersion + 1,
                candidatePeriodEnd: newEnd,
                enquiryPeriodEnd: nil,
                tenderPeriodEnd: nil,
                at: now
            )
        }
        return .init(
            notice: notice,
            noticeVersion: noticeVersion + 1,
            candidatePeriodEnd: candidatePeriodEnd,
            enquiryPeriodEnd: newEnd - Double(rules.enquiryCutoffDays) * Self.day,
            tenderPeriodEnd: newEnd,
            at: now
        )
    }

    func closingPeriod(context: TenderContext) throws -> TenderEvent {
        let now = context.now
        guard let end = currentPeriodEnd else { throw DomainError.illegalTransition(action: "close a period", status: status.rawValue) }
        guard now >= end else {
            throw DomainError.ruleViolation(code: "deadline-not-reached", reason: "the period ends at \(Timestamp.format(end))")
        }
        if status == .candidateSelection { return .candidatePeriodEnded(.init(at: now)) }
        let rules = try requireRules()
        let valid = context.bids.filter { $0.tenderID == id && $0.isValid(at: end, for: self) }.sorted { $0.id < $1.id }
        let failedLots = lots.filter { lot in
            lot.status == .active && valid.filter { $0.offer(for: lot.id) != nil }.count < rules.minimumBids
        }
        return .tenderingEnded(.init(validBidIDs: valid.map(\.id), unsuccessfulLotIDs: failedLots.map(\.id), at: now))
    }
}
