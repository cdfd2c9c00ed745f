import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Procurement
import Server
import Storage
import TransparencyLog
import WebUI

/// The real server (API and web UI on one router) over a fresh SQLite file, with a buyer's staff and two suppliers
/// who have web passwords; officials also have TOTP secrets. `time` is the platform clock, `wall` the real time that
/// sessions, codes and throttling go by; both move only when a test moves them.
struct WebTestApp {
    let directory: URL
    let database: SQLiteDatabase
    let services: Services
    let time: ManualTime
    let wall: ManualTime

    static let password = "correct horse battery"
    static let start = Date()

    static func secret(_ user: String) -> String { "test-totp-\(user)" }

    static func make(trustedProxies: [String]) async throws -> WebTestApp {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try await SQLiteDatabase.open(path: directory.appendingPathComponent("test.sqlite").path)
        try await Migrator(database: database).migrate()
        let time = ManualTime(start)
        let ledger = Ledger(database: database, time: time)
        let identity = IdentityStore(database: database)
        let access = WebAccessStore(database: database)
        for organization in [
            Organization(
                id: OrganizationID("dpa"),
                name: "Defence Procurement Agency",
                kind: .procurementAgency,
                country: "UKR",
                edrpou: try EDRPOU("00034022")
            ),
            Organization(
                id: OrganizationID("supplier-a"),
                name: "Alpha Defence LLC",
                kind: .supplier,
                country: "UKR",
                edrpou: try EDRPOU("00034022")
            ),
            Organization(id: OrganizationID("supplier-b"), name: "Bravo Systems GmbH", kind: .supplier, country: "DEU", nationalRegistryID: "HRB 1"),
        ] {
            _ = try await ledger.register(organization, actor: .system)
        }
        let hash = Secrets.hashPassword(password, cost: 4)
        for (name, organization, roles) in [
            ("officer", "dpa", [Role.buyerOfficer]), ("evaluator", "dpa", [.evaluator]), ("approver", "dpa", [.buyerApprover]),
            ("supplier-a", "supplier-a", [.supplierRepresentative]), ("supplier-b", "supplier-b", [.supplierRepresentative]),
        ] {
            let user = User(id: UserID("user-\(name)"), organizationID: OrganizationID(organization), name: name, roles: Set(roles))
            try await identity.addUser(user, email: "\(name)@example.org", at: start)
            let official = organization == "dpa"
            try await access.setCredentials(user: user.id, passwordHash: hash, totpSecret: official ? secret(name) : nil, at: start)
        }
        let publisher = LogPublisher(
            store: LogStore(database: database),
            signer: CheckpointSigner(origin: "test.local/log", keys: [try NoteSignerKey.generate(name: "test.local/log")]),
            logger: Logger(label: "test")
        )
        var settings = WebSettings()
        settings.bcryptCost = 4
        settings.trustedProxies = trustedProxies
        let wall = ManualTime(start)
        let web = try await WebUI(ledger: ledger, identity: identity, log: publisher.store, settings: settings, clock: wall)
        return WebTestApp(
            directory: directory,
            database: database,
            services: Services(ledger: ledger, identity: identity, log: publisher, web: web),
            time: time,
            wall: wall
        )
    }

    /// Runs `body` against the app through the router, or over real HTTP connections (`.live`) where the client's
    /// address matters, optionally behind trusted proxies.
    static func with(
        _ setup: TestingSetup = .router,
        trustedProxies: [String] = [],
        _ body: @Sendable (WebTestApp, any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = try await make(trustedProxies: trustedProxies)
        do {
            try await Application(router: buildRouter(app.services)).test(setup) { client in try await body(app, client) }
        } catch {
            try await app.database.close()
            throw error
        }
        try await app.database.close()
        try? FileManager.default.removeItem(at: app.directory)
    }

    var ledger: Ledger { services.ledger }

    /// A browser whose authenticator app reads the app's wall clock.
    func browser(_ client: any TestClientProtocol) -> Browser { Browser(client, clock: wall) }

    func actor(_ name: String, kind: Organization.Kind) async throws -> Actor {
        guard let account = try await services.identity.account(email: "\(name)@example.org") else { throw CancellationError() }
        return .user(account.user, organizationKind: kind)
    }

    /// A published tender with one lot of 1,000,000 UAH: open, bidding for eight days; or restricted, candidates
    /// applying for eleven.
    func publishedTender(method: ProcedureMethod = .open, deliveryLocation: String? = nil) async throws -> TenderID {
        let officer = try await actor("officer", kind: .procurementAgency)
        let id = TenderID("tender-\(method.rawValue)")
        let lot = Lot(
            id: LotID("lot-1"),
            title: "Radios",
            value: try Money(parsing: "1000000.00", .UAH),
            items: [
                Item(
                    id: ItemID("item-1"),
                    description: "Handheld radio",
                    cpv: try CPVCode("32236000-6"),
                    quantity: 10,
                    unit: .piece,
                    deliveryLocation: deliveryLocation
                )
            ]
        )
        let notice = TenderEvent.Notice(title: "Field radios", description: "Handheld radios", method: method, lots: [lot])
        _ = try await ledger.execute(.create(id: id, notice: notice), tender: id, actor: officer)
        let publication: TenderCommand =
            method == .restricted
            ? .publish(candidatePeriodEnd: time.now + 11 * 86_400, tenderPeriodEnd: nil)
            : .publish(candidatePeriodEnd: nil, tenderPeriodEnd: time.now + 8 * 86_400)
        _ = try await ledger.execute(publication, tender: id, actor: officer)
        return id
    }

    func bid(_ supplier: String, on tender: TenderID, price: String) async throws -> BidID {
        let id = BidID("bid-\(supplier)")
        let offer = LotBid(lotID: LotID("lot-1"), price: try Money(parsing: price, .UAH))
        _ = try await ledger.execute(
            .submit(id: id, tenderID: tender, lots: [offer]),
            bid: id,
            tender: tender,
            actor: try await actor(supplier, kind: .supplier)
        )
        return id
    }
}
