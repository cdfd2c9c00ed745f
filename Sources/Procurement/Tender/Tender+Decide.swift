import Foundation

extension Tender {
    static let day: TimeInterval = 86_400
    static let longestPeriod: TimeInterval = 366 * day
    /// Bounds what one notice can accumulate, so no supplier can bloat a tender for everyone.
    static let maximumQuestions = 300

    /// Decides a command against the tender (nil before creation). Pure: the same inputs give the same events.
    public static func decide(_ command: TenderCommand, state: Tender?, context: TenderContext) throws -> [TenderEvent] {
        guard let tender = state else {
            guard case .create(let id, let notice) = command else { throw DomainError.notFound(entity: "tender", id: "") }
            return try decideCreate(id: id, notice: notice, context: context)
        }
        let now = context.now
        let actor = context.actor
        switch command {
        case .create(let id, _):
            throw DomainError.conflict(code: "tender-exists", reason: "tender \(id) already exists")

        case .amend(let notice, let requestedEnd):
            return [.amended(try tender.amendment(notice: notice, requestedEnd: requestedEnd, context: context))]

        case .publish(let candidatePeriodEnd, let tenderPeriodEnd):
            try actor.require(.buyerOfficer, in: tender.buyerID, to: "publishing")
            try tender.require(.draft, to: "publish")
            return [.published(try tender.publication(candidatePeriodEnd: candidatePeriodEnd, tenderPeriodEnd: tenderPeriodEnd, context: context))]

        case .askQuestion(let id, let text):
            let supplier = try requireSupplier(actor, to: "asking a question")
            try tender.requireEnquiriesOpen(now: now)
            if tender.status == .tendering, !tender.admits(supplier: supplier) {
                throw DomainError.forbidden(code: "not-invited", reason: "only admitted suppliers may ask questions in this procedure")
            }
            guard !tender.questions.contains(where: { $0.id == id }) else {
                throw DomainError.conflict(code: "question-exists", reason: "question \(id) already exists")
            }
            guard tender.questions.count < Self.maximumQuestions else {
                throw DomainError.ruleViolation(code: "too-many-questions", reason: "a tender takes at most \(Self.maximumQuestions) questions")
            }
            try TenderEvent.Notice.text(text, field: "text", range: 1...5000)
            return [.questionAsked(.init(questionID: id, text: text, at: now))]

        case .answerQuestion(let id, let answer):
            try actor.require(.buyerOfficer, in: tender.buyerID, to: "answering a question")
            guard [.tendering, .candidateSelection].contains(tender.status), let end = tender.currentPeriodEnd, now < end else {
                throw DomainError.illegalTransition(action: "answer questions", status: tender.status.rawValue)
            }
            guard let question = tender.questions.first(where: { $0.id == id }) else {
                throw DomainError.notFound(entity: "question", id: id.rawValue)
            }
            guard question.answer == nil else {
                throw DomainError.conflict(code: "question-answered", reason: "question \(id) is already answered")
            }
            try TenderEvent.Notice.text(answer, field: "answer", range: 1...10_000)
            return [.questionAnswered(.init(questionID: id, answer: answer, at: now))]

        case .applyAsCandidate:
            let supplier = try requireSupplier(actor, to: "applying as a candidate")
            try tender.require(.candidateSelection, to: "apply as a candidate")
            guard let end = tender.candidatePeriodEnd, now < end else {
                throw DomainError.ruleViolation(code: "deadline-passed", reason: "the candidate period has ended")
            }
            guard !tender.candidates.contains(where: { $0.supplierID == supplier }) else {
                throw DomainError.conflict(code: "already-applied", reason: "your organisation has already applied")
            }
            return [.candidateApplied(.init(supplierID: supplier, at: now))]

        case .decideCandidate(let supplier, let qualified, let reasonCode):
            try actor.require(.evaluator, in: tender.buyerID, to: "qualifying candidates")
            try tender.require(.candidateQualification, to: "qualify candidates")
            guard tender.candidates.contains(where: { $0.supplierID == supplier }) else {
                throw DomainError.notFound(entity: "candidate", id: supplier.rawValue)
            }
            if !qualified, (reasonCode ?? "").isEmpty {
                throw DomainError.invalidField(field: "reasonCode", code: "reason-required", reason: "rejecting a candidate needs a coded reason")
            }
            return [.candidateDecided(.init(supplierID: supplier, qualified: qualified, reasonCode: qualified ? nil : reasonCode, at: now))]

        case .inviteTenders(let tenderPeriodEnd):
            try actor.require(.buyerOfficer, in: tender.buyerID, to: "inviting tenders")
            try tender.require(.candidateQualification, to: "invite tenders")
            guard !tender.candidates.contains(where: { $0.status == .applied }) else {
                throw DomainError.ruleViolation(code: "candidates-undecided", reason: "decide on every candidate before inviting tenders")
            }
            guard tender.candidates.contains(where: { $0.status == .qualified }) else {
                throw DomainError.ruleViolation(code: "no-qualified-candidates", reason: "no candidate is qualified; cancel the procedure instead")
            }
            let rules = try tender.requireRules()
            try checkDeadline(tenderPeriodEnd, field: "tenderPeriodEnd", now: now, minimumDays: rules.minimumTenderingDays, rules: rules)
            return [
                .tendersInvited(
                    .init(enquiryPeriodEnd: tenderPeriodEnd - Double(rules.enquiryCutoffDays) * day, tenderPeriodEnd: tenderPeriodEnd, at: now)
                )
            ]

        case .closePeriod:
            try actor.requireSystem(to: "closing a period")
            return [try tender.closingPeriod(context: context)]

        case .cancel(let reason, let rationale):
            guard actor.has(.buyerOfficer) || actor.has(.buyerApprover), actor.organizationID == tender.buyerID else {
                throw DomainError.forbidden(
                    code: "role-required",
                    reason: "cancelling requires the buyer-officer or buyer-approver role in the buying organisation"
                )
            }
            guard !tender.status.isTerminal else { throw DomainError.illegalTransition(action: "cancel", status: tender.status.rawValue) }
            guard tender.contracts.isEmpty else {
                throw DomainError.ruleViolation(
                    code: "contract-signed",
                    reason: "a contract has been signed; the procedure can no longer be cancelled"
                )
            }
            try TenderEvent.Notice.text(rationale, field: "rationale", range: 10...5000)
            return [.cancelled(.init(reason: reason, rationale: rationale, at: now))]

        case .liftEmbargo:
            try actor.requireSystem(to: "lifting an embargo")
            guard let end = tender.pendingEmbargoEnd, end <= now else {
                throw DomainError.ruleViolation(code: "embargo-running", reason: "no embargo on this tender has ended")
            }
            return [.embargoLifted(.init(at: now))]

        case .openBids, .decideBid, .proposeAward, .approveAward, .rejectAward, .endStandstill, .declareLotUnsuccessful, .signContract:
            return try tender.decideAfterDeadline(command, context: context)
        }
    }

    private static func decideCreate(id: TenderID, notice: TenderEvent.Notice, context: TenderContext) throws -> [TenderEvent] {
        guard case .user(let user, let kind) = context.actor, kind.canBuy else {
            throw DomainError.forbidden(code: "buyer-only", reason: "only buying organisations create tenders")
        }
        try context.actor.require(.buyerOfficer, to: "creating a tender")
        try notice.validate()
        return [.created(.init(tenderID: id, buyerID: user.organizationID, notice: notice, at: context.now))]
    }

    func require(_ status: TenderStatus, to action: String) throws {
        guard self.status == status else { throw DomainError.illegalTransition(action: action, status: self.status.rawValue) }
    }

    func requireRules() throws -> MethodRules {
        guard let rules else { throw DomainError.illegalTransition(action: "use procedure rules", status: status.rawValue) }
        return rules
    }

    static func requireSupplier(_ actor: Actor, to action: String) throws -> OrganizationID {
        guard case .user(let user, let kind) = actor, kind == .supplier else {
            throw DomainError.forbidden(code: "supplier-only", reason: "\(action) is for suppliers")
        }
        try actor.require(.supplierRepresentative, to: action)
        return user.organizationID
    }

    /// The deadline of the period currently running, if any.
    public var currentPeriodEnd: Date? {
        switch status {
        case .candidateSelection: candidatePeriodEnd
        case .tendering: tenderPeriodEnd
        default: nil
        }
    }

    private func requireEnquiriesOpen(now: Date) throws {
        let end: Date? =
            switch status {
            case .candidateSelection: candidatePeriodEnd
            case .tendering: enquiryPeriodEnd
            default: throw DomainError.illegalTransition(action: "ask questions", status: status.rawValue)
            }
        guard let end, now < end else {
            throw DomainError.ruleViolation(code: "enquiry-period-ended", reason: "the enquiry period has ended")
        }
    }

    static func checkDeadline(_ deadline: Date, field: String, now: Date, minimumDays: Int, rules: MethodRules) throws {
        let earliest = now + Double(minimumDays) * day
        guard deadline >= earliest else {
            throw DomainError.ruleViolation(
                code: "period-too-short",
                reason: "\(field) must be at least \(minimumDays) days from now (not before \(Timestamp.format(earliest))) under \(rules.legalBasis)"
            )
        }
        guard deadline <= now + longestPeriod else {
            throw DomainError.invalidField(field: field, code: "deadline-too-far", reason: "\(field) must be within a year from now")
        }
    }
}
