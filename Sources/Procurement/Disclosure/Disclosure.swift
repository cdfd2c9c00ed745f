/// The one place that decides who may see what. API, feed, UI and publication all ask it.
public enum Disclosure {
    /// A tender is visible to its buyer's staff always, and once published to everyone cleared to its classification.
    /// A draft cancelled before publication stays with the buyer.
    /// Clearance applies to the buyer's own staff as well.
    public static func canSee(_ tender: Tender, viewer: Viewer) -> Bool {
        guard viewer.clearance >= tender.classification else { return false }
        return viewer.organizationID == tender.buyerID || tender.publishedAt != nil
    }

    /// The classifications a viewer is cleared for, for filtering in queries.
    public static func clearedClassifications(for viewer: Viewer) -> [Classification] {
        Classification.allCases.filter { $0 <= viewer.clearance }
    }

    /// Sealed until opening: before it, only the bidding organisation sees a bid. Opening reveals the bids that
    /// counted at the deadline to whoever sees the tender; withdrawn and unconfirmed bids stay with their owner.
    public static func canSee(_ bid: Bid, of tender: Tender, viewer: Viewer) -> Bool {
        if viewer.organizationID == bid.supplierID { return true }
        return tender.openedAt != nil && tender.validBidIDs.contains(bid.id) && canSee(tender, viewer: viewer)
    }

    /// Who may read an event in the change feed.
    public enum Audience: String, Sendable, Codable {
        /// Whoever may see the tender (or everyone, for events outside any tender).
        case `public`
        /// The buying organisation only: draft work before publication.
        case buyer
        /// The owning supplier only: sealed bids.
        case owner
    }

    /// Everything before publication stays with the buyer; the publication event carries the notice to everyone else.
    public static func audience(of event: TenderEvent, before tender: Tender?) -> Audience {
        switch event {
        case .published: return .public
        // Who applies to a restricted procedure is who will bid: kept from rivals like the bids themselves.
        case .candidateApplied, .candidateDecided: return .buyer
        default: return tender?.publishedAt == nil ? .buyer : .public
        }
    }

    /// The tender as `viewer` may read it: outside the buyer and auditors, a candidate sees only itself, and
    /// withheld fields are left out until their embargo is lifted.
    public static func view(of tender: Tender, for viewer: Viewer) -> Tender {
        guard viewer.organizationID != tender.buyerID, !viewer.roles.contains(.auditor) else { return tender }
        var view = tender
        view.candidates = tender.candidates.filter { $0.supplierID == viewer.organizationID }
        if !readsWithheld(tender, viewer: viewer) { view.lots = tender.lots.map(redacted) }
        return view
    }

    /// Whether the feed names who acted on a tender bought by `buyer`: its buying organisation and auditors see it;
    /// others do not, so the feed cannot reveal which suppliers take part. Events outside tenders name their actor.
    public static func showsActor(tenderBuyer buyer: OrganizationID?, viewer: Viewer) -> Bool {
        buyer == nil || viewer.organizationID == buyer || viewer.roles.contains(.auditor)
    }
}
