import Foundation

/// The procedure aggregate: notice, lots, enquiries, candidates, evaluation, awards and contracts.
/// Bids are their own aggregate (`Bid`); the tender records their opening and the decisions on them.
public struct Tender: Hashable, Sendable, Codable {
    public let id: TenderID
    public let buyerID: OrganizationID
    public var title: String
    public var description: String
    public var method: ProcedureMethod
    public var negotiationGround: NegotiationGround?
    public var rationale: String?
    public var classification: Classification
    public var criteria: AwardCriteria
    public var lots: [Lot]
    /// Negotiated procedures: the suppliers invited to bid.
    public var invitedSupplierIDs: [OrganizationID]
    public var status: TenderStatus
    public let createdAt: Date
    /// Rules in force on the publication date, kept for the life of the procedure.
    public var rules: MethodRules?
    public var publishedAt: Date?
    public var candidatePeriodEnd: Date?
    public var enquiryPeriodEnd: Date?
    public var tenderPeriodEnd: Date?
    /// Incremented by every change to a published notice; bids confirmed against an older notice must be re-confirmed.
    public var noticeVersion: Int
    public var questions: [Question]
    public var candidates: [Candidate]
    /// Bids that counted at the deadline: submitted, confirmed against the final notice.
    public var validBidIDs: [BidID]
    public var openedAt: Date?
    public var decisions: [BidDecision]
    public var awards: [Award]
    public var contracts: [Contract]
    public var cancellation: Cancellation?
    /// When the procedure reached complete, unsuccessful or cancelled.
    public var endedAt: Date?
    /// When the publication policy's embargo on this tender's withheld fields was lifted.
    public var embargoLiftedAt: Date?

    public struct Cancellation: Hashable, Sendable, Codable {
        public let reason: CancellationReason
        public let rationale: String
        public let cancelledAt: Date
    }

    public func lot(_ id: LotID) throws -> Lot {
        guard let lot = lots.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "lot", id: id.rawValue) }
        return lot
    }

    public func award(_ id: AwardID) throws -> Award {
        guard let award = awards.first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "award", id: id.rawValue) }
        return award
    }

    public var notice: TenderEvent.Notice {
        .init(
            title: title,
            description: description,
            method: method,
            negotiationGround: negotiationGround,
            rationale: rationale,
            classification: classification,
            criteria: criteria,
            lots: lots,
            invitedSupplierIDs: invitedSupplierIDs
        )
    }

    /// The next moment at which the scheduler must act on this tender, if any.
    public var nextDeadline: Date? {
        switch status {
        case .candidateSelection: candidatePeriodEnd
        case .tendering: tenderPeriodEnd
        case .evaluation, .standstill, .awarded: awards.filter { $0.status == .standstill }.compactMap(\.standstillEnd).min()
        case .complete, .unsuccessful, .cancelled: pendingEmbargoEnd
        default: nil
        }
    }

    /// The end of the embargo on withheld fields, while it is still to be lifted.
    var pendingEmbargoEnd: Date? {
        embargoLiftedAt == nil && !Disclosure.withheldFields(of: self).isEmpty ? Disclosure.embargoEnd(of: self) : nil
    }

    /// Whether a supplier may submit a bid to this tender at all (deadlines aside).
    public func admits(supplier: OrganizationID) -> Bool {
        switch method {
        case .open: true
        case .restricted: candidates.contains { $0.supplierID == supplier && $0.status == .qualified }
        case .negotiated: invitedSupplierIDs.contains(supplier)
        }
    }
}

extension Tender {
    /// The command the scheduler must issue at `now`, if a deadline of this tender has passed.
    public func dueCommand(at now: Date) -> TenderCommand? {
        guard let deadline = nextDeadline, deadline <= now else { return nil }
        switch status {
        case .candidateSelection, .tendering: return .closePeriod
        case .evaluation, .standstill, .awarded: return .endStandstill
        case .complete, .unsuccessful, .cancelled: return .liftEmbargo
        default: return nil
        }
    }
}
