import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Storage

/// Organisations (public register), users and API tokens (administrators).
struct IdentityController {
    let ledger: Ledger
    let identity: IdentityStore

    func register(on router: some RouterMethods<AppContext>) {
        router.get("organizations", use: listOrganizations)
        router.get("organizations/:organization", use: showOrganization)
        router.post("organizations", use: registerOrganization)
        router.post("users", use: addUser)
        router.post("users/:user/tokens", use: issueToken)
        router.get("me", use: me)
    }

    struct OrganizationRequest: Decodable {
        var id: OrganizationID?
        var name: String
        var kind: Organization.Kind
        var country: String
        var edrpou: EDRPOU?
        var nationalRegistryID: String?
        var ncage: NCAGE?
        var clearance: Classification?
    }

    struct UserRequest: Decodable {
        var organizationID: OrganizationID
        var name: String
        var email: String
        var roles: [Role]
        var clearance: Classification?
    }

    struct TokenRequest: Decodable { var label: String? }

    struct OrganizationPage: Encodable, Sendable { let items: [Organization] }

    struct UserResponse: Encodable, Sendable {
        let id: UserID
        let organizationID: OrganizationID
        let name: String
        let email: String
        let roles: [Role]
        let clearance: Classification
        let organization: Organization?

        init(_ account: IdentityStore.Account) {
            id = account.user.id
            organizationID = account.user.organizationID
            name = account.user.name
            email = account.email
            roles = account.user.roles.sorted { $0.rawValue < $1.rawValue }
            clearance = account.user.clearance
            organization = account.organization
        }
    }

    struct TokenResponse: Encodable, Sendable {
        let token: String
        let userID: UserID
        let label: String
    }

    @Sendable func listOrganizations(_ request: Request, context: AppContext) async throws -> Response {
        try JSONBody(value: OrganizationPage(items: try await ledger.organizations())).response(from: request, context: context)
    }

    @Sendable func showOrganization(_ request: Request, context: AppContext) async throws -> Response {
        let id = OrganizationID(try context.parameters.require("organization"))
        guard let organization = try await ledger.organization(id) else { throw DomainError.notFound(entity: "organization", id: id.rawValue) }
        return try JSONBody(value: organization).response(from: request, context: context)
    }

    @Sendable func registerOrganization(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await CommandInput<OrganizationRequest>.read(request, context: context, actor: actor)
        let body = input.body
        let organization = Organization(
            id: body.id ?? NewID.make(),
            name: body.name,
            kind: body.kind,
            country: body.country,
            edrpou: body.edrpou,
            nationalRegistryID: body.nationalRegistryID,
            ncage: body.ncage,
            clearance: body.clearance ?? .unclassified
        )
        let outcome = try await ledger.register(organization, actor: actor, idempotency: input.idempotency)
        var headers: HTTPFields = [.location: "/api/v1/organizations/\(organization.id)"]
        if outcome.replayed { headers[.idempotentReplayed] = "true" }
        return try JSONBody(status: .created, headers: headers, value: outcome.value).response(from: request, context: context)
    }

    @Sendable func addUser(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        try actor.require(.administrator, to: "adding users")
        let body = try await request.json(UserRequest.self, context: context)
        // Administrators manage their own organisation only: none may create identities in a rival's.
        try actor.require(.administrator, in: body.organizationID, to: "adding users to organisation \(body.organizationID)")
        guard !body.roles.isEmpty else {
            throw DomainError.invalidField(field: "roles", code: "roles-required", reason: "give the user at least one role")
        }
        let user = User(
            id: NewID.make(),
            organizationID: body.organizationID,
            name: body.name,
            roles: Set(body.roles),
            clearance: body.clearance ?? .unclassified
        )
        try TenderEvent.Notice.validateName(user.name)
        try await identity.addUser(user, email: body.email, at: ledger.time.now)
        guard let account = try await identity.account(user.id) else { throw DomainError.notFound(entity: "user", id: user.id.rawValue) }
        return try JSONBody(status: .created, headers: [.location: "/api/v1/users/\(user.id)"], value: UserResponse(account))
            .response(from: request, context: context)
    }

    /// Users issue tokens to themselves; administrators also to users of their own organisation. Shown once.
    @Sendable func issueToken(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let userID = UserID(try context.parameters.require("user"))
        if actor.userID != userID {
            guard let target = try await identity.account(userID) else { throw DomainError.notFound(entity: "user", id: userID.rawValue) }
            try actor.require(.administrator, in: target.organization.id, to: "issuing tokens for another user")
        }
        let body = try await request.json(TokenRequest.self, context: context, optional: true) ?? TokenRequest(label: nil)
        let token = APIToken.generate()
        let label = body.label ?? "api"
        guard (1...100).contains(label.count) else {
            throw DomainError.invalidField(field: "label", code: "invalid-length", reason: "a token label is 1 to 100 characters")
        }
        try await identity.addToken(hash: APIToken.hash(token), user: userID, label: label, at: ledger.time.now)
        return try JSONBody(status: .created, value: TokenResponse(token: token, userID: userID, label: label)).response(
            from: request,
            context: context
        )
    }

    @Sendable func me(_ request: Request, context: AppContext) async throws -> Response {
        guard let account = context.account else { throw Problem.unauthenticated }
        return try JSONBody(value: UserResponse(account)).response(from: request, context: context)
    }
}
