import Procurement

extension ReleaseBuilder {
    /// Every field the publication policy withholds or withheld, with its rationale and the date it is (or was)
    /// published. Declared to every viewer: the auditor's full view shows the value and the policy alike.
    func withheldInformation(_ tender: Tender) -> [OCDSValue] {
        let justification = Disclosure.withholdingJustification
        return Disclosure.withheldFields(of: tender).map { withheld in
            let item = withheld.itemID.rawValue
            return OCDSValue.object([
                ("id", .string("\(withheld.field.rawValue)-\(item)")),
                ("field", "tender/milestones/description"),
                ("name", .string("Delivery location of item \(item)")),
                ("availabilityDate", withheld.availableFrom.map(OCDSValue.date)),
                ("rationale", .string(Disclosure.withholdingRationale)),
                (
                    "rationaleClassifications",
                    [
                        .object([
                            ("scheme", .string(justification.scheme)), ("id", .string(justification.id)),
                            ("description", .string(justification.description)),
                        ])
                    ]
                ),
            ])
        }
    }
}
