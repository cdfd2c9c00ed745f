import Foundation

public enum TenderEvent: Hashable, Sendable {
    case created(Created)
    case amended(Amended)
    case published(Published)
    case questionAsked(QuestionAsked)
    case questionAnswered(QuestionAnswered)
    case candidateApplied(CandidateApplied)
    case candidatePeriodEnded(PeriodEnded)
    case candidateDecided(CandidateDecided)
    case tendersInvited(TendersInvited)
    case tenderingEnded(TenderingEnded)
    case bidsOpened(BidsOpened)
    case bidDecided(BidDecided)
    case awardProposed(AwardProposed)
    case awardApproved(AwardApproved)
    case awardRejected(AwardRejected)
    case standstillEnded(StandstillEnded)
    case lotUnsuccessful(LotUnsuccessful)
    case contractSigned(ContractSigned)
    case cancelled(Cancelled)
    case embargoLifted(EmbargoLifted)

    /// The notice as drafted; everything a buyer may edit before publication.
    public struct Notice: Hashable, Sendable, Codable {
        public var title: String
        public var description: String
        public var method: ProcedureMethod
        public var negotiationGround: NegotiationGround?
        public var rationale: String?
        public var classification: Classification
        public var criteria: AwardCriteria
        public var lots: [Lot]
        public var invitedSupplierIDs: [OrganizationID]

        public init(
            title: String,
            description: String,
            method: ProcedureMethod,
            negotiationGround: NegotiationGround? = nil,
            rationale: String? = nil,
            classification: Classification = .unclassified,
            criteria: AwardCriteria = .lowestPrice,
            lots: [Lot],
            invitedSupplierIDs: [OrganizationID] = []
        ) {
            self.title = title
            self.description = description
            self.method = method
            self.negotiationGround = negotiationGround
            self.rationale = rationale
            self.classification = classification
            self.criteria = criteria
            self.lots = lots
            self.invitedSupplierIDs = invitedSupplierIDs
        }
    }

    public struct Created: Hashable, Sendable, Codable {
        public let tenderID: TenderID
        public let buyerID: OrganizationID
        public let notice: Notice
        public let at: Date
    }

    /// A change to the notice. After publication it raises the notice version and may move the deadlines.
    public struct Amended: Hashable, Sendable, Codable {
        public let notice: Notice
        public let noticeVersion: Int
        public let candidatePeriodEnd: Date?
        public let enquiryPeriodEnd: Date?
        public let tenderPeriodEnd: Date?
        public let at: Date
    }

    /// The notice as published, with the rules it runs under: the first public fact of a procedure.
    public struct Published: Hashable, Sendable, Codable {
        public let notice: Notice
        public let rules: MethodRules
        public let status: TenderStatus
        public let candidatePeriodEnd: Date?
        public let enquiryPeriodEnd: Date?
        public let tenderPeriodEnd: Date?
        public let at: Date
    }

    public struct QuestionAsked: Hashable, Sendable, Codable {
        public let questionID: QuestionID
        public let text: String
        public let at: Date
    }

    public struct QuestionAnswered: Hashable, Sendable, Codable {
        public let questionID: QuestionID
        public let answer: String
        public let at: Date
    }

    public struct CandidateApplied: Hashable, Sendable, Codable {
        public let supplierID: OrganizationID
        public let at: Date
    }

    public struct PeriodEnded: Hashable, Sendable, Codable {
        public let at: Date
    }

    public struct CandidateDecided: Hashable, Sendable, Codable {
        public let supplierID: OrganizationID
        public let qualified: Bool
        public let reasonCode: String?
        public let at: Date
    }

    public struct TendersInvited: Hashable, Sendable, Codable {
        public let enquiryPeriodEnd: Date
        public let tenderPeriodEnd: Date
        public let at: Date
    }

    /// The deadline passed: which bids are valid, and which lots failed for want of bids.
    public struct TenderingEnded: Hashable, Sendable, Codable {
        public let validBidIDs: [BidID]
        public let unsuccessfulLotIDs: [LotID]
        public let at: Date
    }

    /// The public opening record: every valid bid's supplier and prices, revealed at once.
    public struct BidsOpened: Hashable, Sendable, Codable {
        public let bids: [OpenedBid]
        public let at: Date

        public struct OpenedBid: Hashable, Sendable, Codable {
            public let bidID: BidID
            public let supplierID: OrganizationID
            public let lots: [LotBid]
        }
    }

    public struct BidDecided: Hashable, Sendable, Codable {
        public let decision: BidDecision
        public let at: Date
    }

    public struct AwardProposed: Hashable, Sendable, Codable {
        public let award: Award
    }

    public struct AwardApproved: Hashable, Sendable, Codable {
        public let awardID: AwardID
        public let approvedBy: UserID
        public let standstillEnd: Date
        public let at: Date
    }

    public struct AwardRejected: Hashable, Sendable, Codable {
        public let awardID: AwardID
        public let reason: String
        public let at: Date
    }

    public struct StandstillEnded: Hashable, Sendable, Codable {
        public let awardIDs: [AwardID]
        public let at: Date
    }

    public struct LotUnsuccessful: Hashable, Sendable, Codable {
        public let lotID: LotID
        public let reason: String
        public let at: Date
    }

    public struct ContractSigned: Hashable, Sendable, Codable {
        public let contract: Contract
    }

    public struct Cancelled: Hashable, Sendable, Codable {
        public let reason: CancellationReason
        public let rationale: String
        public let at: Date
    }

    /// The embargo ended: the fields the publication policy withheld are public from now on.
    public struct EmbargoLifted: Hashable, Sendable, Codable {
        public let at: Date
    }

    /// When the event happened.
    public var at: Date {
        switch self {
        case .created(let e): e.at
        case .amended(let e): e.at
        case .published(let e): e.at
        case .questionAsked(let e): e.at
        case .questionAnswered(let e): e.at
        case .candidateApplied(let e): e.at
        case .candidatePeriodEnded(let e): e.at
        case .candidateDecided(let e): e.at
        case .tendersInvited(let e): e.at
        case .tenderingEnded(let e): e.at
        case .bidsOpened(let e): e.at
        case .bidDecided(let e): e.at
        case .awardProposed(let e): e.award.proposedAt
        case .awardApproved(let e): e.at
        case .awardRejected(let e): e.at
        case .standstillEnded(let e): e.at
        case .lotUnsuccessful(let e): e.at
        case .contractSigned(let e): e.contract.signedAt
        case .cancelled(let e): e.at
        case .embargoLifted(let e): e.at
        }
    }
}
