import Foundation
import Procurement
import Server
import Storage
import WebUI

extension DemoWorld {
    /// An organisation of the demo world. Codes are kept as text here and validated (EDRPOU check digit, NCAGE
    /// country pattern) when the organisation is registered.
    struct Profile: Sendable {
        let id: OrganizationID
        let name: String
        let kind: Organization.Kind
        let country: String
        let edrpou: String?
        let registry: String?
        let ncage: String?
        let clearance: Classification

        init(
            _ id: String,
            _ name: String,
            _ kind: Organization.Kind,
            country: String = "UKR",
            edrpou: String? = nil,
            registry: String? = nil,
            ncage: String? = nil,
            clearance: Classification = .unclassified
        ) {
            self.id = OrganizationID(id)
            self.name = name
            self.kind = kind
            self.country = country
            self.edrpou = edrpou
            self.registry = registry
            self.ncage = ncage
            self.clearance = clearance
        }

        func organization() throws -> Organization {
            Organization(
                id: id,
                name: name,
                kind: kind,
                country: country,
                edrpou: try edrpou.map { try EDRPOU($0) },
                nationalRegistryID: registry,
                ncage: try ncage.map { try NCAGE($0, country: country) },
                clearance: clearance
            )
        }
    }

    /// A user of the demo world; the people of the README tour carry a fixed API token.
    struct Person: Sendable {
        let user: User
        let email: String
        let organization: Profile
        let token: String?

        init(
            _ id: String,
            of organization: Profile,
            _ name: String,
            _ roles: Set<Role>,
            email: String,
            clearance: Classification,
            token: String? = nil
        ) {
            user = User(id: UserID(id), organizationID: organization.id, name: name, roles: roles, clearance: clearance)
            self.email = email
            self.organization = organization
            self.token = token
        }

        var actor: Actor { .user(user, organizationKind: organization.kind) }

        /// Officials sign in to the web UI with a second factor; the demo's secret is fixed: `qm-demo-<user id>`.
        var totpSecret: String? { organization.kind == .supplier ? nil : "qm-demo-\(user.id)" }
        var organizationID: OrganizationID { organization.id }
    }

    /// The staff who act for a buying organisation in its procedures. The approver never evaluates, so awards pass
    /// the segregation-of-duties check.
    struct Buyer: Sendable {
        let officer: Person
        let evaluator: Person
        let secondEvaluator: Person
        let approver: Person

        static let dpa = Buyer(officer: .dpaOfficer, evaluator: .dpaEvaluator, secondEvaluator: .dpaEvaluator2, approver: .dpaApprover)
        static let dot = Buyer(officer: .dotOfficer, evaluator: .dotEvaluator, secondEvaluator: .dotEvaluator2, approver: .dotApprover)
        static let unitA1234 = Buyer(officer: .a1234Officer, evaluator: .a1234Officer, secondEvaluator: .a1234Officer, approver: .a1234Commander)
    }

    /// Registers each organisation with its users and their demo tokens, all at the start of the demo clock: the ministry
    /// first, by the platform, then every other organisation by the ministry's administrator.
    static func registerParties(ledger: Ledger, identity: IdentityStore, clock: ManualTime) async throws {
        let admin = Person.admin
        let access = WebAccessStore(database: ledger.database)
        let passwordHash = Secrets.hashPassword(password, cost: 10)
        for profile in Profile.all {
            do {
                _ = try await ledger.register(try profile.organization(), actor: profile.id == admin.organizationID ? .system : admin.actor)
            } catch {
                throw ScriptError(description: "demo seeding failed: registering organisation \(profile.id) was refused — \(describe(error))")
            }
            for person in Person.all where person.organizationID == profile.id {
                try await identity.addUser(person.user, email: person.email, at: clock.now)
                if let token = person.token {
                    try await identity.addToken(hash: APIToken.hash(token), user: person.user.id, label: "demo", at: clock.now)
                }
                try await access.setCredentials(user: person.user.id, passwordHash: passwordHash, totpSecret: person.totpSecret, at: clock.now)
            }
        }
    }

    /// Every demo user's web password (public, like the tokens: demo databases only).
    static let password = "quartermaster-demo"

    /// Printed by `serve --demo`: how the people of the token table sign in to the web UI.
    static let signInTable: String = {
        let lines = Person.all.filter { $0.token != nil }.map { person in
            "  \(person.email)  " + (person.totpSecret.map { "TOTP secret \(Secrets.base32($0))" } ?? "no second factor")
        }
        return (["Demo web sign-in at / (password \"\(password)\" for every demo user; officials also give a TOTP code):"] + lines)
            .joined(separator: "\n")
    }()

    /// Printed by `serve --demo`: who each fixed token acts as.
    static let tokenTable: String = {
        let rows = Person.all.compactMap { person in
            person.token.map { token in
                [
                    token, person.user.roles.map(\.rawValue).sorted().joined(separator: ", "), person.user.clearance.rawValue, person.email,
                    "\(person.organization.name) (\(person.organizationID))",
                ]
            }
        }
        let header = ["TOKEN", "ROLE", "CLEARANCE", "USER", "ORGANISATION"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        let lines = ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(
                in: .whitespaces
            )
        }
        return
            (["Demo API tokens (fixed and public: they exist only in a database seeded by `serve --demo`):"] + lines.map { "  " + $0 }
            + ["Use one as `Authorization: Bearer <token>`, e.g. curl -H 'Authorization: Bearer qm_demo_officer' …/api/v1/tenders"])
            .joined(separator: "\n")
    }()
}

extension DemoWorld.Profile {
    // The ministry, its agencies, units and an oversight body.
    static let modUA = Self("mod-ua", "Ministry of Defence of Ukraine", .ministry, edrpou: "00034022", clearance: .secret)
    static let dpa = Self("dpa", "Defence Procurement Agency", .procurementAgency, edrpou: "44711014", clearance: .secret)
    static let dot = Self("dot", "State Logistics Operator", .logisticsOperator, edrpou: "43725047", clearance: .confidential)
    static let unitA1234 = Self("unit-a1234", "Military Unit A1234 (mechanised brigade)", .militaryUnit, edrpou: "08034122", clearance: .restricted)
    static let unitA2860 = Self("unit-a2860", "Military Unit A2860 (artillery brigade)", .militaryUnit, edrpou: "08154317", clearance: .restricted)
    static let unitA4125 = Self(
        "unit-a4125",
        "Military Unit A4125 (territorial defence brigade)",
        .militaryUnit,
        edrpou: "07933077",
        clearance: .restricted
    )
    static let stateAudit = Self("dasu", "State Audit Service of Ukraine", .oversightBody, edrpou: "40165856", clearance: .secret)

    // Ukrainian suppliers: EDRPOU, and NSPA-assigned NCAGEs (S***#) where they hold one.
    static let skyforge = Self(
        "supplier-skyforge",
        "Skyforge Dynamics LLC",
        .supplier,
        edrpou: "44582338",
        ncage: "S7UA1",
        clearance: .confidential
    )
    static let vezhaAero = Self("supplier-vezha-aero", "Vezha Aero LLC", .supplier, edrpou: "44185022", ncage: "S3VZ8", clearance: .restricted)
    static let kyivRadio = Self("supplier-kyiv-radio", "Kyiv Radio Systems JSC", .supplier, edrpou: "21700144", ncage: "S1KR5", clearance: .secret)
    static let kharkivArmour = Self(
        "supplier-kharkiv-armour",
        "Kharkiv Armour Works LLC",
        .supplier,
        edrpou: "34521085",
        ncage: "S4KH2",
        clearance: .restricted
    )
    static let dniproProvisions = Self("supplier-dnipro-provisions", "Dnipro Field Provisions LLC", .supplier, edrpou: "40107254", ncage: "S6DF3")
    static let poltavaFuel = Self("supplier-poltava-fuel", "Poltava Fuel Terminal JSC", .supplier, edrpou: "37150635")
    static let odesaPetroleum = Self("supplier-odesa-petroleum", "Odesa Petroleum Trading LLC", .supplier, edrpou: "42063988")
    static let lvivMedtech = Self("supplier-lviv-medtech", "Lviv MedTech Supply LLC", .supplier, edrpou: "43012873", ncage: "S8LM4")
    static let vinnytsiaMotors = Self(
        "supplier-vinnytsia-motors",
        "Vinnytsia Motor Repair Plant SE",
        .supplier,
        edrpou: "07940120",
        ncage: "S2VM9",
        clearance: .restricted
    )
    static let carpathianTextile = Self("supplier-carpathian-textile", "Carpathian Textile Mill LLC", .supplier, edrpou: "39801142", ncage: "S5CT6")
    static let granitTrade = Self("supplier-granit-trade", "Granit Trade Group LLC", .supplier, edrpou: "45128735")

    // Foreign suppliers: national registry ids and NCAGEs in their country's pattern.
    static let rheinfeld = Self(
        "supplier-rheinfeld",
        "Rheinfeld Wehrtechnik GmbH",
        .supplier,
        country: "DEU",
        registry: "HRB 214577 (Amtsgericht Düsseldorf)",
        ncage: "C7RK4",
        clearance: .confidential
    )
    static let valmont = Self(
        "supplier-valmont",
        "Valmont Défense SAS",
        .supplier,
        country: "FRA",
        registry: "SIREN 814372905",
        ncage: "F3KD7",
        clearance: .confidential
    )
    static let wisla = Self(
        "supplier-wisla",
        "Wisła Amunicja Sp. z o.o.",
        .supplier,
        country: "POL",
        registry: "KRS 0000612874",
        ncage: "S9WA2",
        clearance: .confidential
    )
    static let moravia = Self(
        "supplier-moravia",
        "Moravia Munitions a.s.",
        .supplier,
        country: "CZE",
        registry: "IČO 27415631",
        ncage: "4M7KG",
        clearance: .confidential
    )
    static let keystone = Self(
        "supplier-keystone",
        "Keystone Tactical Systems Inc.",
        .supplier,
        country: "USA",
        registry: "SAM UEI KTSQ7LMN3R45",
        ncage: "7K3R9",
        clearance: .confidential
    )
    static let albion = Self(
        "supplier-albion",
        "Albion Field Logistics Ltd",
        .supplier,
        country: "GBR",
        registry: "Companies House 09876543",
        ncage: "SK4U2"
    )
    static let balticSentinel = Self(
        "supplier-baltic-sentinel",
        "Baltic Sentinel OÜ",
        .supplier,
        country: "EST",
        registry: "Registrikood 14612345",
        ncage: "2B7XJ",
        clearance: .restricted
    )

    /// In registration order; the ministry first, because its administrator registers the others.
    static let all: [Self] = [
        modUA, dpa, dot, unitA1234, unitA2860, unitA4125, stateAudit,
        skyforge, vezhaAero, kyivRadio, kharkivArmour, dniproProvisions, poltavaFuel, odesaPetroleum, lvivMedtech, vinnytsiaMotors,
        carpathianTextile, granitTrade, rheinfeld, valmont, wisla, moravia, keystone, albion, balticSentinel,
    ]
}

extension DemoWorld.Person {
    static let admin = Self(
        "user-mod-admin",
        of: .modUA,
        "Oksana Melnyk",
        [.administrator],
        email: "admin@mod.demo.mil.gov.ua",
        clearance: .secret,
        token: "qm_demo_admin"
    )

    static let dpaOfficer = Self(
        "user-dpa-officer",
        of: .dpa,
        "Andrii Kovalenko",
        [.buyerOfficer],
        email: "officer@dpa.demo.mil.gov.ua",
        clearance: .secret,
        token: "qm_demo_officer"
    )
    static let dpaApprover = Self(
        "user-dpa-approver",
        of: .dpa,
        "Iryna Shevchenko",
        [.buyerApprover],
        email: "approver@dpa.demo.mil.gov.ua",
        clearance: .secret,
        token: "qm_demo_approver"
    )
    static let dpaEvaluator = Self(
        "user-dpa-evaluator",
        of: .dpa,
        "Dmytro Bondarenko",
        [.evaluator],
        email: "evaluator@dpa.demo.mil.gov.ua",
        clearance: .secret,
        token: "qm_demo_evaluator"
    )
    static let dpaEvaluator2 = Self(
        "user-dpa-evaluator-2",
        of: .dpa,
        "Kateryna Tkachenko",
        [.evaluator],
        email: "evaluator2@dpa.demo.mil.gov.ua",
        clearance: .confidential,
        token: "qm_demo_evaluator2"
    )

    static let dotOfficer = Self(
        "user-dot-officer",
        of: .dot,
        "Serhii Lysenko",
        [.buyerOfficer],
        email: "officer@dot.demo.mil.gov.ua",
        clearance: .confidential,
        token: "qm_demo_dot_officer"
    )
    static let dotEvaluator = Self(
        "user-dot-evaluator",
        of: .dot,
        "Nataliia Hnatiuk",
        [.evaluator],
        email: "evaluator@dot.demo.mil.gov.ua",
        clearance: .confidential
    )
    static let dotEvaluator2 = Self(
        "user-dot-evaluator-2",
        of: .dot,
        "Oleh Zinchenko",
        [.evaluator],
        email: "evaluator2@dot.demo.mil.gov.ua",
        clearance: .confidential
    )
    static let dotApprover = Self(
        "user-dot-approver",
        of: .dot,
        "Viktor Marchenko",
        [.buyerApprover],
        email: "approver@dot.demo.mil.gov.ua",
        clearance: .confidential
    )

    static let a1234Officer = Self(
        "user-a1234-officer",
        of: .unitA1234,
        "Maj. Taras Savchuk",
        [.buyerOfficer, .evaluator],
        email: "officer@a1234.demo.mil.gov.ua",
        clearance: .restricted
    )
    static let a1234Commander = Self(
        "user-a1234-commander",
        of: .unitA1234,
        "Col. Roman Oliinyk",
        [.buyerApprover],
        email: "commander@a1234.demo.mil.gov.ua",
        clearance: .restricted
    )

    static let auditor = Self(
        "user-dasu-auditor",
        of: .stateAudit,
        "Halyna Moroz",
        [.auditor],
        email: "auditor@dasu.demo.gov.ua",
        clearance: .secret,
        token: "qm_demo_auditor"
    )

    // One representative per supplier; the first four are the README tour's suppliers.
    static let skyforge = representative(.skyforge, "Yurii Horbenko", "tenders@skyforge.demo.example", token: "qm_demo_supplier_1")
    static let kyivRadio = representative(.kyivRadio, "Olha Ivanenko", "bids@kyiv-radio.demo.example", token: "qm_demo_supplier_2")
    static let rheinfeld = representative(.rheinfeld, "Katrin Albers", "ausschreibungen@rheinfeld.demo.example", token: "qm_demo_supplier_3")
    static let keystone = representative(.keystone, "Michael Dunn", "contracts@keystone-tactical.demo.example", token: "qm_demo_supplier_4")
    static let vezhaAero = representative(.vezhaAero, "Bohdan Kravets", "sales@vezha-aero.demo.example")
    static let kharkivArmour = representative(.kharkivArmour, "Larysa Popova", "tenders@kharkiv-armour.demo.example")
    static let dniproProvisions = representative(.dniproProvisions, "Mykola Rudenko", "tenders@dnipro-provisions.demo.example")
    static let poltavaFuel = representative(.poltavaFuel, "Svitlana Koval", "sales@poltava-fuel.demo.example")
    static let odesaPetroleum = representative(.odesaPetroleum, "Artem Sydorenko", "trade@odesa-petroleum.demo.example")
    static let lvivMedtech = representative(.lvivMedtech, "Ivanna Hrytsak", "tenders@lviv-medtech.demo.example")
    static let vinnytsiaMotors = representative(.vinnytsiaMotors, "Petro Dovhan", "contracts@vinnytsia-motors.demo.example")
    static let carpathianTextile = representative(.carpathianTextile, "Mariia Fedak", "sales@carpathian-textile.demo.example")
    static let granitTrade = representative(.granitTrade, "Vadym Osadchyi", "office@granit-trade.demo.example")
    static let valmont = representative(.valmont, "Claire Morel", "appels-offres@valmont.demo.example")
    static let wisla = representative(.wisla, "Tomasz Nowak", "przetargi@wisla-amunicja.demo.example")
    static let moravia = representative(.moravia, "Jana Dvořáková", "zakazky@moravia-munitions.demo.example")
    static let albion = representative(.albion, "James Whitfield", "bids@albion-logistics.demo.example")
    static let balticSentinel = representative(.balticSentinel, "Kristjan Tamm", "hanked@baltic-sentinel.demo.example")

    private static func representative(_ supplier: DemoWorld.Profile, _ name: String, _ email: String, token: String? = nil) -> Self {
        Self(
            "user-rep-\(supplier.id.rawValue.replacingOccurrences(of: "supplier-", with: ""))",
            of: supplier,
            name,
            [.supplierRepresentative],
            email: email,
            clearance: supplier.clearance,
            token: token
        )
    }

    /// Every user, the token holders first, in the order of the token table.
    static let all: [Self] = [
        admin, dpaOfficer, dpaApprover, dpaEvaluator, dpaEvaluator2, dotOfficer, skyforge, kyivRadio, rheinfeld, keystone, auditor,
        dotEvaluator, dotEvaluator2, dotApprover, a1234Officer, a1234Commander, vezhaAero, kharkivArmour, dniproProvisions, poltavaFuel,
        odesaPetroleum,
        lvivMedtech, vinnytsiaMotors, carpathianTextile, granitTrade, valmont, wisla, moravia, albion, balticSentinel,
    ]
}
