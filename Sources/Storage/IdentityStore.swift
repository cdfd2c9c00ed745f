import Foundation
import Procurement
import SQLKit

/// Users and API tokens. Tokens are stored only as hashes; the caller hashes.
public struct IdentityStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Account: Sendable {
        public let user: User
        public let email: String
        public let organization: Organization
    }

    public func addUser(_ user: User, email: String, at time: Date) async throws {
        let state = String(decoding: try EventCoding.encoder.encode(user), as: UTF8.self)
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard normalized.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else {
            throw DomainError.invalidField(field: "email", code: "invalid-email", reason: "\(email) is not an email address")
        }
        try await database.write { sql in
            guard try await Queries.organization(user.organizationID, on: sql) != nil else {
                throw DomainError.notFound(entity: "organization", id: user.organizationID.rawValue)
            }
            let taken = try await sql.raw("SELECT id FROM users WHERE id = \(bind: user.id.rawValue) OR email = \(bind: normalized)").first()
            guard taken == nil else { throw DomainError.conflict(code: "user-exists", reason: "a user with this id or email already exists") }
            try await sql.raw(
                """
                INSERT INTO users (id, organization_id, email, state, created_at)
                VALUES (\(bind: user.id.rawValue), \(bind: user.organizationID.rawValue), \(bind: normalized), \(bind: state), \(bind: Timestamp.format(time)))
                """
            ).run()
        }
    }

    public func addToken(hash: String, user: UserID, label: String, at time: Date) async throws {
        try await database.write { sql in
            guard try await sql.raw("SELECT id FROM users WHERE id = \(bind: user.rawValue)").first() != nil else {
                throw DomainError.notFound(entity: "user", id: user.rawValue)
            }
            try await sql.raw(
                "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (\(bind: hash), \(bind: user.rawValue), \(bind: label), \(bind: Timestamp.format(time)))"
            ).run()
        }
    }

    public func account(tokenHash: String) async throws -> Account? {
        try await database.read { sql in
            try await sql.raw(
                "\(unsafeRaw: Self.accountQuery) JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = \(bind: tokenHash)"
            ).first().map(Self.account)
        }
    }

    public func account(_ id: UserID) async throws -> Account? {
        try await database.read { try await Self.account(id, on: $0) }
    }

    public func account(email: String) async throws -> Account? {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT id FROM users WHERE email = \(bind: email.lowercased())").first() else { return nil }
            return try await Self.account(UserID(try row.decode(column: "id", as: String.self)), on: sql)
        }
    }

    /// The users of one organisation, by email.
    public func accounts(organization: OrganizationID) async throws -> [Account] {
        try await database.read { sql in
            var accounts: [Account] = []
            for row in try await sql.raw("SELECT id FROM users WHERE organization_id = \(bind: organization.rawValue) ORDER BY email").all() {
                if let account = try await Self.account(UserID(try row.decode(column: "id", as: String.self)), on: sql) { accounts.append(account) }
            }
            return accounts
        }
    }

    /// A user with their organisation, in one query (the bearer-token check runs it on every request).
    private static let accountQuery =
        "SELECT u.id, u.email, u.state, o.state AS organization_state FROM users u JOIN organizations o ON o.id = u.organization_id"

    static func account(_ id: UserID, on sql: any SQLDatabase) async throws -> Account? {
        try await sql.raw("\(unsafeRaw: accountQuery) WHERE u.id = \(bind: id.rawValue)").first().map(account)
    }

    private static func account(_ row: any SQLRow) throws -> Account {
        Account(
            user: try Projections.decodeState(User.self, from: row, table: "users"),
            email: try row.decode(column: "email", as: String.self),
            organization: try Projections.decodeState(Organization.self, from: row, table: "organizations", column: "organization_state")
        )
    }
}
