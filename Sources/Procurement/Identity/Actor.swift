/// Who issues a command: a user acting for an organisation, or the platform's scheduler.
public enum Actor: Hashable, Sendable, Codable {
    case user(User, organizationKind: Organization.Kind)
    case system

    public var userID: UserID? {
        if case .user(let user, _) = self { return user.id }
        return nil
    }

    public var organizationID: OrganizationID? {
        if case .user(let user, _) = self { return user.organizationID }
        return nil
    }

    public var key: String {
        switch self {
        case .user(let user, _): "user:\(user.id)"
        case .system: "system"
        }
    }

    public func has(_ role: Role) -> Bool {
        if case .user(let user, _) = self { return user.roles.contains(role) }
        return false
    }

    /// Throws unless the actor holds `role` in `organization` (or any organisation when nil).
    public func require(_ role: Role, in organization: OrganizationID? = nil, to action: String) throws {
        guard has(role) else {
            throw DomainError.forbidden(code: "role-required", reason: "\(action) requires the \(role.rawValue) role")
        }
        if let organization, organizationID != organization {
            throw DomainError.forbidden(code: "wrong-organization", reason: "\(action) is reserved to organisation \(organization)")
        }
    }

    public func requireSystem(to action: String) throws {
        guard self == .system else {
            throw DomainError.forbidden(code: "system-only", reason: "\(action) is performed by the platform scheduler only")
        }
    }
}
