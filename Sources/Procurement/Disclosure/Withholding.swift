import Foundation

/// A value the publication policy keeps from the public for now: whose it is, why, and from when it is published.
public struct WithheldField: Hashable, Sendable {
    public enum Field: String, Sendable, CaseIterable {
        /// Where an item is delivered: it points at units and depots while the delivery is recent.
        case deliveryLocation
    }

    public let field: Field
    public let itemID: ItemID
    public let lotID: LotID
    /// When the value is (or was) published: the embargo's end, unknown while the procedure runs, or the moment the
    /// embargo was lifted.
    public let availableFrom: Date?
}

extension Disclosure {
    /// Delivery locations are published this long after the procedure ends (complete, unsuccessful or cancelled).
    public static let deliveryLocationEmbargo: TimeInterval = 30 * 86_400
    public static let withholdingRationale =
        "Operational security under martial law: delivery locations of defence goods reveal the positions of units and depots. "
        + "They are published 30 days after the procedure ends."
    /// eForms non-publication justification (`eu-non-publication-justification`): defence and security.
    public static let withholdingJustification = (scheme: "eu-non-publication-justification", id: "def-sec", description: "Defence and security")

    /// When the tender's withheld fields become public; nil while the procedure runs.
    public static func embargoEnd(of tender: Tender) -> Date? {
        tender.endedAt.map { $0 + deliveryLocationEmbargo }
    }

    /// The fields of `tender` the policy keeps from the public until its embargo is lifted (and after it, as a record).
    public static func withheldFields(of tender: Tender) -> [WithheldField] {
        let end = tender.embargoLiftedAt ?? embargoEnd(of: tender)
        return tender.lots.flatMap { lot in
            lot.items.filter { $0.deliveryLocation != nil }.map {
                WithheldField(field: .deliveryLocation, itemID: $0.id, lotID: lot.id, availableFrom: end)
            }
        }
    }

    /// Whether `viewer` reads the tender's withheld fields: the buying organisation and auditors do (cleared for the
    /// tender, as for any view of it); everyone else once the embargo has been lifted.
    public static func readsWithheld(_ tender: Tender, viewer: Viewer) -> Bool {
        tender.embargoLiftedAt != nil || viewer.organizationID == tender.buyerID || viewer.roles.contains(.auditor)
    }

    /// The notice without the values the policy withholds.
    public static func redacted(_ notice: TenderEvent.Notice) -> TenderEvent.Notice {
        var notice = notice
        notice.lots = notice.lots.map(redacted)
        return notice
    }

    static func redacted(_ lot: Lot) -> Lot {
        var lot = lot
        for index in lot.items.indices { lot.items[index].deliveryLocation = nil }
        return lot
    }

    /// The event as readers without access to withheld values may see it.
    public static func redacted(_ event: TenderEvent) -> TenderEvent {
        switch event {
        case .created(let e): .created(.init(tenderID: e.tenderID, buyerID: e.buyerID, notice: redacted(e.notice), at: e.at))
        case .amended(let e):
            .amended(
                .init(
                    notice: redacted(e.notice),
                    noticeVersion: e.noticeVersion,
                    candidatePeriodEnd: e.candidatePeriodEnd,
                    enquiryPeriodEnd: e.enquiryPeriodEnd,
                    tenderPeriodEnd: e.tenderPeriodEnd,
                    at: e.at
                )
            )
        case .published(let e):
            .published(
                .init(
                    notice: redacted(e.notice),
                    rules: e.rules,
                    status: e.status,
                    candidatePeriodEnd: e.candidatePeriodEnd,
                    enquiryPeriodEnd: e.enquiryPeriodEnd,
                    tenderPeriodEnd: e.tenderPeriodEnd,
                    at: e.at
                )
            )
        default: event
        }
    }
}
