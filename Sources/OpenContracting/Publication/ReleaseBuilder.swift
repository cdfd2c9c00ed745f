import Foundation
import Procurement

/// Maps one tender's event stream to OCDS releases. Every event the viewer may read becomes a release that carries
/// the whole process as that viewer may see it just after the event, so each release stands alone and the compiled
/// release is the latest state. What the publication policy withholds is left out and declared in
/// `withheldInformation` (``Disclosure`` decides, as it does for the API).
public struct ReleaseBuilder: Sendable {
    public let profile: PublisherProfile
    public let organizations: [OrganizationID: Organization]
    public let viewer: Viewer

    public init(profile: PublisherProfile, organizations: [OrganizationID: Organization], viewer: Viewer = .anonymous) {
        self.profile = profile
        self.organizations = organizations
        self.viewer = viewer
    }

    /// The releases of one process, in stream order.
    public func releases(of stream: [TenderStreamEvent]) -> [OCDSValue] {
        var process = ProcessHistory()
        var releases: [OCDSValue] = []
        for item in stream {
            let before = process.tender
            process.apply(item.event)
            guard let tender = process.tender, Disclosure.audience(of: item.event, before: before) == .public,
                Disclosure.canSee(tender, viewer: viewer)
            else { continue }
            process.recordAmendment(item.event, releaseID: item.releaseID)
            releases.append(release(process, event: item.event, id: item.releaseID))
            process.lastReleaseID = item.releaseID
        }
        return releases
    }

    func release(_ process: ProcessHistory, event: TenderEvent, id: String) -> OCDSValue {
        let full = process.tender!
        let tender = Disclosure.view(of: full, for: viewer)
        return .object([
            ("ocid", .string(profile.ocid(tender: tender.id.rawValue))),
            ("id", .string(id)),
            ("date", .date(event.at)),
            ("tag", [.string(event.releaseTag)]),
            ("initiationType", "tender"),
            ("parties", .nonEmpty(parties(tender, opened: process.opened))),
            ("buyer", reference(tender.buyerID)),
            ("tender", tenderSection(tender, process: process)),
            ("bids", bidsSection(tender, process: process)),
            ("awards", .nonEmpty(tender.awards.map(award))),
            ("contracts", .nonEmpty(tender.contracts.map(contract))),
            ("withheldInformation", .nonEmpty(withheldInformation(full))),
        ])
    }

    func reference(_ id: OrganizationID) -> OCDSValue {
        .object([("id", .string(id.rawValue)), ("name", .string(organizations[id]?.name ?? id.rawValue))])
    }
}

extension OCDSValue {
    static func date(_ date: Date) -> OCDSValue { .string(Timestamp.format(date)) }

    static func money(_ money: Money) -> OCDSValue {
        .object([("amount", .number(OCDSNumber(money.amountText)!)), ("currency", .string(money.currency.rawValue))])
    }
}
