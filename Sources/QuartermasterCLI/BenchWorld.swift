import Foundation
import Procurement
import Server
import Storage

/// The parties of a deadline benchmark: a buying agency with an officer, and suppliers each with a representative,
/// registered and given API tokens through the code paths of registration and `quartermaster user add`.
struct BenchWorld: Sendable {
    struct Supplier: Sendable {
        let id: OrganizationID
        let token: String
    }

    let officerToken: String
    let suppliers: [Supplier]

    static func seed(database: any Database, suppliers count: Int) async throws -> BenchWorld {
        let ledger = Ledger(database: database, time: SystemTime())
        let identity = IdentityStore(database: database)
        let agency = Organization(
            id: OrganizationID("bench-agency"),
            name: "Bench Procurement Agency",
            kind: .procurementAgency,
            country: "UKR",
            edrpou: try EDRPOU("00034022")
        )
        let officerToken = try await enrol(agency, role: .buyerOfficer, ledger: ledger, identity: identity)
        var suppliers: [Supplier] = []
        for index in 1...count {
            let organization = Organization(
                id: OrganizationID("bench-supplier-\(index)"),
                name: "Bench Supplier \(index)",
                kind: .supplier,
                country: "POL",
                nationalRegistryID: "KRS \(index)"
            )
            suppliers.append(
                Supplier(id: organization.id, token: try await enrol(organization, role: .supplierRepresentative, ledger: ledger, identity: identity))
            )
        }
        return BenchWorld(officerToken: officerToken, suppliers: suppliers)
    }

    /// Registers `organization` with one user holding `role` and returns the user's new API token.
    private static func enrol(_ organization: Organization, role: Role, ledger: Ledger, identity: IdentityStore) async throws -> String {
        _ = try await ledger.register(organization, actor: .system)
        let user = User(id: UserID("\(organization.id)-user"), organizationID: organization.id, name: "\(organization.name) user", roles: [role])
        try await identity.addUser(user, email: "user@\(organization.id).bench.example", at: Date())
        let token = APIToken.generate()
        try await identity.addToken(hash: APIToken.hash(token), user: user.id, label: "bench", at: Date())
        return token
    }
}
