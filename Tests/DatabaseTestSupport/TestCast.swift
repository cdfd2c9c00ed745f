import Foundation
import Procurement

/// The organisations and people the HTTP and web tests act as. Each member is the user `user-<name>` with the
/// address `<name>@example.org`.
public enum TestCast {
    /// `platform` (the operator), `dpa` (a buyer cleared to SECRET), `dot` (another buyer), `supplier-a/b/c`, and
    /// `audit` (cleared to SECRET).
    public static let organizations: [Organization] = [
        Organization(id: OrganizationID("platform"), name: "Platform operator", kind: .ministry, country: "UKR", edrpou: try! EDRPOU("00034022")),
        Organization(
            id: OrganizationID("dpa"),
            name: "Defence Procurement Agency",
            kind: .procurementAgency,
            country: "UKR",
            edrpou: try! EDRPOU("00034022"),
            clearance: .secret
        ),
        Organization(
            id: OrganizationID("dot"),
            name: "State Logistics Operator",
            kind: .logisticsOperator,
            country: "UKR",
            edrpou: try! EDRPOU("00034022")
        ),
        Organization(id: OrganizationID("supplier-a"), name: "Alpha Defence LLC", kind: .supplier, country: "UKR", edrpou: try! EDRPOU("00034022")),
        Organization(id: OrganizationID("supplier-b"), name: "Bravo Systems GmbH", kind: .supplier, country: "DEU", nationalRegistryID: "HRB 1"),
        Organization(id: OrganizationID("supplier-c"), name: "Charlie Industries", kind: .supplier, country: "POL", nationalRegistryID: "KRS 1"),
        Organization(
            id: OrganizationID("audit"),
            name: "State Audit Service",
            kind: .oversightBody,
            country: "UKR",
            edrpou: try! EDRPOU("00034022"),
            clearance: .secret
        ),
    ]

    /// admin, officer, clerk (an officer without clearance), evaluator, evaluator2, approver, foreign-officer (of
    /// `dot`), supplier-a, supplier-b, supplier-c, auditor.
    public static let members: [User] = [
        member("admin", of: "platform", [.administrator]),
        member("officer", of: "dpa", [.buyerOfficer], clearance: .secret),
        member("clerk", of: "dpa", [.buyerOfficer]),
        member("evaluator", of: "dpa", [.evaluator], clearance: .secret),
        member("evaluator2", of: "dpa", [.evaluator], clearance: .secret),
        member("approver", of: "dpa", [.buyerApprover], clearance: .secret),
        member("foreign-officer", of: "dot", [.buyerOfficer]),
        member("supplier-a", of: "supplier-a", [.supplierRepresentative]),
        member("supplier-b", of: "supplier-b", [.supplierRepresentative]),
        member("supplier-c", of: "supplier-c", [.supplierRepresentative]),
        member("auditor", of: "audit", [.auditor], clearance: .secret),
    ]

    public static func email(_ member: User) -> String { "\(member.name)@example.org" }

    private static func member(_ name: String, of organization: String, _ roles: Set<Role>, clearance: Classification = .unclassified) -> User {
        User(id: UserID("user-\(name)"), organizationID: OrganizationID(organization), name: name, roles: roles, clearance: clearance)
    }
}
