/// A person acting for one organisation. Credentials live in storage, never here.
public struct User: Hashable, Sendable, Codable {
    public let id: UserID
    public let organizationID: OrganizationID
    public var name: String
    public var roles: Set<Role>
    /// Personal security clearance.
    public var clearance: Classification

    public init(id: UserID, organizationID: OrganizationID, name: String, roles: Set<Role>, clearance: Classification = .unclassified) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.roles = roles
        self.clearance = clearance
    }
}
