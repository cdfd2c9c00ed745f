/// A party: the ministry, its agencies, military units, suppliers and oversight bodies.
public struct Organization: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case ministry
        case procurementAgency = "procurement-agency"
        case logisticsOperator = "logistics-operator"
        case militaryUnit = "military-unit"
        case supplier
        case oversightBody = "oversight-body"

        /// Organisations that may run procedures as buyers.
        public var canBuy: Bool { [.ministry, .procurementAgency, .logisticsOperator, .militaryUnit].contains(self) }
    }

    public let id: OrganizationID
    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-3.
    public var country: String
    /// Ukrainian legal entities carry an EDRPOU; foreign entities their national registry id.
    public var edrpou: EDRPOU?
    public var nationalRegistryID: String?
    public var ncage: NCAGE?
    /// Facility security clearance of the organisation.
    public var clearance: Classification

    public init(
        id: OrganizationID,
        name: String,
        kind: Kind,
        country: String,
        edrpou: EDRPOU? = nil,
        nationalRegistryID: String? = nil,
        ncage: NCAGE? = nil,
        clearance: Classification = .unclassified
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.edrpou = edrpou
        self.nationalRegistryID = nationalRegistryID
        self.ncage = ncage
        self.clearance = clearance
    }
}
