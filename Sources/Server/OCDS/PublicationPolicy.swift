import OpenContracting
import Procurement

/// The declared publication policy that every package's `publicationPolicy` points to, written from the same
/// constants the disclosure rules use.
enum PublicationPolicy {
    static func text(_ profile: PublisherProfile) -> String {
        let days = Int(Disclosure.deliveryLocationEmbargo / 86_400)
        let justification = Disclosure.withholdingJustification
        return """
            # Quartermaster publication policy

            Publisher: \(profile.publisherName). Data: Open Contracting Data Standard 1.1 with the bids, lots and withheld
            information extensions. Licence: \(profile.license).

            ## What is published, and when
            - Every public event of a procurement procedure becomes a release as it happens: publication, amendments,
              enquiries, the close of bidding (number of valid bids), the bid opening (every valid bid, its supplier and
              prices), evaluation decisions, awards, contracts and cancellations. Release ids are the events' indexes in
              the transparency log (`/tlog`), so every release can be checked against the signed log.
            - Drafts, bids before opening and applications to restricted procedures are not published; they are sealed in
              the transparency log and revealed there after opening.
            - Procedures classified RESTRICTED or above are not published.

            ## What is withheld
            - Delivery locations of items (`tender/milestones/description`, delivery milestones) are withheld until
              \(days) days after the procedure ends (complete, unsuccessful or cancelled). Rationale: \(Disclosure.withholdingRationale)
              Justification: `\(justification.scheme)` `\(justification.id)` (\(justification.description)).
            - Each withheld value is declared in `withheldInformation` with its availability date; when the embargo ends, a
              new release (tag `tenderUpdate`) publishes it.
            - Auditors with clearance read withheld values through the authenticated API.

            ## Identifiers
            - `ocid` is `\(profile.ocidPrefix)-` followed by the procedure id.
            - Parties are identified by EDRPOU (`UA-EDR`) where they have one, with the NATO Commercial and Government Entity
              code (`NCAGE`) as an additional identifier; items by CPV, with the NATO Stock Number (`NSN`) as an
              additional classification.

            """
    }
}
