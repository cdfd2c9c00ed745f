import Foundation
import Hummingbird
import Procurement
import Storage

/// A supplier registers its organisation (EDRPOU or national registry id, NCAGE checked against the country) and its
/// first representative, who is signed in at once.
extension WebUI {
    static let countries = ["UKR", "POL", "DEU", "FRA", "CZE", "EST", "LTU", "LVA", "ROU", "GBR", "USA", "CAN", "NOR", "SWE", "DNK", "FIN", "NLD"]

    func registrationPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in registrationForm(visitor, request: request, form: Form(encoded: "country=UKR")) }
    }

    private func registrationForm(
        _ visitor: Visitor,
        request: Request,
        form: Form,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        let t = pages.catalog(visitor.language)
        var data: [String: Any] = [
            "name": form["name"], "edrpou": form["edrpou"], "registry": form["registry"], "ncage": form["ncage"],
            "person": form["person"], "email": form["email"],
            "countries": Self.countries.map { ["code": $0, "selected": $0 == form["country"]] },
        ]
        if let error { data["error"] = error }
        return page("register", title: t["register_title"], data: data, visitor: visitor, request: request, status: status)
    }

    func register(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            let email = form["email"].lowercased()
            do {
                try Self.checkPassword(form["password"])
                guard try await identity.account(email: email) == nil else {
                    throw DomainError.conflict(code: "user-exists", reason: "a user with this email already exists")
                }
                let country = form["country"]
                let organization = Organization(
                    id: OrganizationID("supplier-" + Secrets.token().lowercased().filter { $0.isLetter || $0.isNumber }.prefix(12)),
                    name: form["name"],
                    kind: .supplier,
                    country: country,
                    edrpou: form["edrpou"].isEmpty ? nil : try EDRPOU(form["edrpou"]),
                    nationalRegistryID: form["registry"].isEmpty ? nil : form["registry"],
                    ncage: form["ncage"].isEmpty ? nil : try NCAGE(form["ncage"], country: country)
                )
                try TenderEvent.Notice.validateName(form["person"])
                _ = try await ledger.register(organization, actor: .system)
                let user = User(
                    id: UserID("user-" + organization.id.rawValue),
                    organizationID: organization.id,
                    name: form["person"],
                    roles: [.supplierRepresentative]
                )
                let now = Date()
                try await identity.addUser(user, email: email, at: now)
                try await access.setCredentials(
                    user: user.id,
                    passwordHash: Secrets.hashPassword(form["password"], cost: settings.bcryptCost),
                    totpSecret: nil,
                    at: now
                )
                return redirect("/?done=registered", cookies: [try await startSession(user.id, secondFactor: true)])
            } catch let error as DomainError {
                return registrationForm(visitor, request: request, form: form, error: explain(error, t), status: .unprocessableContent)
            }
        }
    }
}
