/// Who is reading, for disclosure decisions: anonymous, or a user of an organisation with a clearance.
public struct Viewer: Sendable, Hashable {
    public let organizationID: OrganizationID?
    public let roles: Set<Role>
    /// The lower of the person's and the organisation's clearance.
    public let clearance: Classification

    public static let anonymous = Viewer(organizationID: nil, roles: [], clearance: .unclassified)

    public init(organizationID: OrganizationID?, roles: Set<Role>, clearance: Classification) {
        self.organizationID = organizationID
        self.roles = roles
        self.clearance = clearance
    }

    public init(user: User, organization: Organization) {
        self.init(organizationID: organization.id, roles: user.roles, clearance: min(user.clearance, organization.clearance))
    }
}
