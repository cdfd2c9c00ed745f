import Procurement

extension TenderEvent {
    /// The OCDS `releaseTag` of the release this event produces (closed codelist).
    var releaseTag: String {
        switch self {
        case .created, .published: "tender"
        case .amended: "tenderAmendment"
        case .cancelled: "tenderCancellation"
        case .awardProposed: "award"
        case .awardApproved, .awardRejected, .standstillEnded: "awardUpdate"
        case .contractSigned: "contract"
        case .questionAsked, .questionAnswered, .candidateApplied, .candidatePeriodEnded, .candidateDecided, .tendersInvited,
            .tenderingEnded, .bidsOpened, .bidDecided, .lotUnsuccessful, .embargoLifted:
            "tenderUpdate"
        }
    }
}
