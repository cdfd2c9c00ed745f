import Procurement

extension ReleaseBuilder {
    /// The buyer, every supplier whose bid was opened (tenderer) and every supplier of an award not refused.
    func parties(_ tender: Tender, opened: [TenderEvent.BidsOpened.OpenedBid]) -> [OCDSValue] {
        var roles: [(OrganizationID, [String])] = [(tender.buyerID, ["buyer", "procuringEntity"])]
        func add(_ id: OrganizationID, _ role: String) {
            if let index = roles.firstIndex(where: { $0.0 == id }) {
                if !roles[index].1.contains(role) { roles[index].1.append(role) }
            } else {
                roles.append((id, [role]))
            }
        }
        for bid in opened { add(bid.supplierID, "tenderer") }
        for award in tender.awards where award.status != .rejected { add(award.supplierID, "supplier") }
        return roles.map { party($0.0, roles: $0.1) }
    }

    func party(_ id: OrganizationID, roles: [String]) -> OCDSValue {
        let organization = organizations[id]
        return .object([
            ("id", .string(id.rawValue)),
            ("name", .string(organization?.name ?? id.rawValue)),
            ("identifier", organization.flatMap(Self.identifier)),
            ("additionalIdentifiers", organization?.ncage.map { [.object([("scheme", "NCAGE"), ("id", .string($0.value))])] }),
            ("roles", .array(roles.map(OCDSValue.string))),
        ])
    }

    /// Ukrainian entities by their EDRPOU (org-id.guide `UA-EDR`); others by their national registry number.
    static func identifier(_ organization: Organization) -> OCDSValue? {
        if let edrpou = organization.edrpou {
            return .object([("scheme", "UA-EDR"), ("id", .string(edrpou.value)), ("legalName", .string(organization.name))])
        }
        return organization.nationalRegistryID.map { .object([("id", .string($0)), ("legalName", .string(organization.name))]) }
    }
}
