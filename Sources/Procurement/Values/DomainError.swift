/// Every refusal of the domain: a stable machine-readable `code`, a kind that decides the HTTP status at the edge,
/// and a message a person can act on.
public enum DomainError: Error, Equatable, Sendable {
    /// A field of a command is malformed or out of range.
    case invalidField(field: String, code: String, reason: String)
    /// The command is not allowed in the aggregate's current status.
    case illegalTransition(action: String, status: String)
    /// The command is well-formed but breaks a procedure rule (deadlines, periods, award logic).
    case ruleViolation(code: String, reason: String)
    /// The actor may not do this.
    case forbidden(code: String, reason: String)
    case notFound(entity: String, id: String)
    /// Another writer changed the aggregate first, or a uniqueness constraint was hit.
    case conflict(code: String, reason: String)

    public enum Kind: Sendable { case invalid, illegalState, rule, forbidden, notFound, conflict }

    public var kind: Kind {
        switch self {
        case .invalidField: .invalid
        case .illegalTransition: .illegalState
        case .ruleViolation: .rule
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }

    public var code: String {
        switch self {
        case .invalidField(_, let code, _), .ruleViolation(let code, _), .forbidden(let code, _), .conflict(let code, _):
            code
        case .illegalTransition: "illegal-transition"
        case .notFound(let entity, _): "\(entity)-not-found"
        }
    }

    /// The field an invalid-field refusal names.
    public var field: String? {
        if case .invalidField(let field, _, _) = self { return field }
        return nil
    }

    public var message: String {
        switch self {
        case .invalidField(let field, _, let reason): "\(field): \(reason)"
        case .illegalTransition(let action, let status): "cannot \(action) while the tender is \(status)"
        case .ruleViolation(_, let reason), .forbidden(_, let reason), .conflict(_, let reason): reason
        case .notFound(let entity, let id): "no \(entity) with id \(id)"
        }
    }
}
