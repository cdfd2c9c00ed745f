import Foundation
import Procurement

/// What publishing a process needs beyond the tender's current state: the opened bids (the tender keeps only their
/// ids), the count of valid bids at the deadline, and the amendments so far.
struct ProcessHistory {
    var tender: Tender?
    var opened: [TenderEvent.BidsOpened.OpenedBid] = []
    var bidsAtDeadline: (count: Int, at: Date)?
    var amendments: [OCDSValue] = []
    var lastReleaseID: String?

    mutating func apply(_ event: TenderEvent) {
        tender = Tender.evolve(tender, event)
        switch event {
        case .tenderingEnded(let e): bidsAtDeadline = (e.validBidIDs.count, e.at)
        case .bidsOpened(let e): opened = e.bids
        default: break
        }
    }

    /// Notice amendments and the cancellation, as OCDS amendments of the tender.
    mutating func recordAmendment(_ event: TenderEvent, releaseID: String) {
        let change: (description: String, rationale: String?)
        switch event {
        case .amended(let e): change = ("The notice was amended (notice version \(e.noticeVersion)).", nil)
        case .cancelled(let e): change = ("The procedure was cancelled (\(e.reason.rawValue)).", e.rationale)
        default: return
        }
        amendments.append(
            .object([
                ("id", .string(releaseID)),
                ("date", .date(event.at)),
                ("rationale", change.rationale.map(OCDSValue.string)),
                ("description", .string(change.description)),
                ("amendsReleaseID", lastReleaseID.map(OCDSValue.string)),
                ("releaseID", .string(releaseID)),
            ])
        )
    }
}
