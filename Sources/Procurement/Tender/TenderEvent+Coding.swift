import Foundation

extension TenderEvent: DomainEvent {
    public var type: String {
        switch self {
        case .created: "tender.created"
        case .amended: "tender.amended"
        case .published: "tender.published"
        case .questionAsked: "tender.question-asked"
        case .questionAnswered: "tender.question-answered"
        case .candidateApplied: "tender.candidate-applied"
        case .candidatePeriodEnded: "tender.candidate-period-ended"
        case .candidateDecided: "tender.candidate-decided"
        case .tendersInvited: "tender.tenders-invited"
        case .tenderingEnded: "tender.tendering-ended"
        case .bidsOpened: "tender.bids-opened"
        case .bidDecided: "tender.bid-decided"
        case .awardProposed: "tender.award-proposed"
        case .awardApproved: "tender.award-approved"
        case .awardRejected: "tender.award-rejected"
        case .standstillEnded: "tender.standstill-ended"
        case .lotUnsuccessful: "tender.lot-unsuccessful"
        case .contractSigned: "tender.contract-signed"
        case .cancelled: "tender.cancelled"
        case .embargoLifted: "tender.embargo-lifted"
        }
    }

    public static func decode(type: String, payload: Data) throws -> TenderEvent {
        let decoder = EventCoding.decoder
        switch type {
        case "tender.created": return .created(try decoder.decode(Created.self, from: payload))
        case "tender.amended": return .amended(try decoder.decode(Amended.self, from: payload))
        case "tender.published": return .published(try decoder.decode(Published.self, from: payload))
        case "tender.question-asked": return .questionAsked(try decoder.decode(QuestionAsked.self, from: payload))
        case "tender.question-answered": return .questionAnswered(try decoder.decode(QuestionAnswered.self, from: payload))
        case "tender.candidate-applied": return .candidateApplied(try decoder.decode(CandidateApplied.self, from: payload))
        case "tender.candidate-period-ended": return .candidatePeriodEnded(try decoder.decode(PeriodEnded.self, from: payload))
        case "tender.candidate-decided": return .candidateDecided(try decoder.decode(CandidateDecided.self, from: payload))
        case "tender.tenders-invited": return .tendersInvited(try decoder.decode(TendersInvited.self, from: payload))
        case "tender.tendering-ended": return .tenderingEnded(try decoder.decode(TenderingEnded.self, from: payload))
        case "tender.bids-opened": return .bidsOpened(try decoder.decode(BidsOpened.self, from: payload))
        case "tender.bid-decided": return .bidDecided(try decoder.decode(BidDecided.self, from: payload))
        case "tender.award-proposed": return .awardProposed(try decoder.decode(AwardProposed.self, from: payload))
        case "tender.award-approved": return .awardApproved(try decoder.decode(AwardApproved.self, from: payload))
        case "tender.award-rejected": return .awardRejected(try decoder.decode(AwardRejected.self, from: payload))
        case "tender.standstill-ended": return .standstillEnded(try decoder.decode(StandstillEnded.self, from: payload))
        case "tender.lot-unsuccessful": return .lotUnsuccessful(try decoder.decode(LotUnsuccessful.self, from: payload))
        case "tender.contract-signed": return .contractSigned(try decoder.decode(ContractSigned.self, from: payload))
        case "tender.cancelled": return .cancelled(try decoder.decode(Cancelled.self, from: payload))
        case "tender.embargo-lifted": return .embargoLifted(try decoder.decode(EmbargoLifted.self, from: payload))
        default: throw EventCoding.unknownType(type)
        }
    }

    public func encodePayload() throws -> Data {
        let encoder = EventCoding.encoder
        switch self {
        case .created(let event): return try encoder.encode(event)
        case .amended(let event): return try encoder.encode(event)
        case .published(let event): return try encoder.encode(event)
        case .questionAsked(let event): return try encoder.encode(event)
        case .questionAnswered(let event): return try encoder.encode(event)
        case .candidateApplied(let event): return try encoder.encode(event)
        case .candidatePeriodEnded(let event): return try encoder.encode(event)
        case .candidateDecided(let event): return try encoder.encode(event)
        case .tendersInvited(let event): return try encoder.encode(event)
        case .tenderingEnded(let event): return try encoder.encode(event)
        case .bidsOpened(let event): return try encoder.encode(event)
        case .bidDecided(let event): return try encoder.encode(event)
        case .awardProposed(let event): return try encoder.encode(event)
        case .awardApproved(let event): return try encoder.encode(event)
        case .awardRejected(let event): return try encoder.encode(event)
        case .standstillEnded(let event): return try encoder.encode(event)
        case .lotUnsuccessful(let event): return try encoder.encode(event)
        case .contractSigned(let event): return try encoder.encode(event)
        case .cancelled(let event): return try encoder.encode(event)
        case .embargoLifted(let event): return try encoder.encode(event)
        }
    }
}
