import Foundation
import Hummingbird
import Procurement
import Storage

/// A supplier's representatives: any of them sees the others and adds colleagues, always to their own organisation
/// (taken from the session, never from the form), each with a password of their own.
extension WebUI {
    func representativesPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            try await representatives(visitor, request: request, form: Form(encoded: ""))
        }
    }

    private func requireSupplier(_ visitor: Visitor) throws -> IdentityStore.Account {
        guard let account = visitor.account else { throw WebError.signInRequired }
        guard account.organization.kind == .supplier, visitor.has(.supplierRepresentative) else { throw WebError.forbidden }
        return account
    }

    private func representatives(
        _ visitor: Visitor,
        request: Request,
        form: Form,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let account = try requireSupplier(visitor)
        let t = pages.catalog(visitor.language)
        let organization = account.organization
        var data: [String: Any] = [
            "organization": organization.name,
            "identifiers": [organization.edrpou.map { "EDRPOU \($0)" }, organization.nationalRegistryID, organization.ncage.map { "NCAGE \($0)" }]
                .compactMap { $0 }.joined(separator: " · "),
            "people": try await identity.accounts(organization: organization.id).map { ["name": $0.user.name, "email": $0.email] },
            "person": form["person"], "email": form["email"],
        ]
        if let notice { data["notice"] = notice }
        if let error { data["error"] = error }
        return page("representatives", title: t["representatives_title"], data: data, visitor: visitor, request: request, status: status)
    }

    func addRepresentative(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let account = try requireSupplier(visitor)
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            do {
                try Self.checkPassword(form["password"])
                try TenderEvent.Notice.validateName(form["person"])
                let user = User(
                    id: UserID("user-" + Secrets.token().lowercased().filter { $0.isLetter || $0.isNumber }.prefix(16)),
                    organizationID: account.organization.id,
                    name: form["person"],
                    roles: [.supplierRepresentative]
                )
                let now = Date()
                try await identity.addUser(user, email: form["email"], at: now)
                try await access.setCredentials(
                    user: user.id,
                    passwordHash: Secrets.hashPassword(form["password"], cost: settings.bcryptCost),
                    totpSecret: nil,
                    at: now
                )
                return try await representatives(visitor, request: request, form: Form(encoded: ""), notice: t.label("done", "representative-added"))
            } catch let error as DomainError {
                return try await representatives(visitor, request: request, form: form, error: explain(error, t), status: Self.status(of: error))
            }
        }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= 12 else {
            throw DomainError.invalidField(field: "password", code: "password-too-short", reason: "at least 12 characters")
        }
    }
}
