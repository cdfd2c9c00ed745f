import DatabaseTestSupport
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

/// The real server (API and web UI on one router) over a fresh database (SQLite, or PostgreSQL: ``TestBackend``) with
/// the ``TestCast``, every member with a web password; officials also have TOTP secrets. `time` is the platform clock,
/// `wall` the real time that sessions, codes and throttling go by; both move only when a test moves them.
struct WebTestApp {
    let world: TestWorld
    let services: Services
    let wall: ManualTime

    static let password = "correct horse battery"
    static let start = Date()

    static func secret(_ user: String) -> String { "test-totp-\(user)" }

    var time: ManualTime { world.time }

    static func make(_ world: TestWorld, trustedProxies: [String]) async throws -> WebTestApp {
        let access = WebAccessStore(database: world.database)
        let hash = Secrets.hashPassword(password, cost: 4)
        for member in TestCast.members {
            let official = !member.roles.contains(.supplierRepresentative)
            try await access.setCredentials(user: member.id, passwordHash: hash, totpSecret: official ? secret(member.name) : nil, at: start)
        }
        let publisher = LogPublisher(
            store: LogStore(database: world.database),
            signer: CheckpointSigner(origin: "test.local/log", keys: [try NoteSignerKey.generate(name: "test.local/log")]),
            logger: Logger(label: "test")
        )
        var settings = WebSettings()
        settings.bcryptCost = 4
        settings.trustedProxies = trustedProxies
        let wall = ManualTime(start)
        let web = try await WebUI(ledger: world.ledger, identity: world.identity, log: publisher.store, settings: settings, clock: wall)
        return WebTestApp(
            world: world,
            services: Services(ledger: world.ledger, identity: world.identity, log: publisher, web: web),
            wall: wall
        )
    }

    /// Runs `body` against the app on each enabled backend in turn, through the router, or over real HTTP connections
    /// (`.live`) where the client's address matters, optionally behind trusted proxies; then cleans up.
    static func with(
        _ setup: TestingSetup = .router,
        trustedProxies: [String] = [],
        _ body: @Sendable (WebTestApp, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestWorld.withEach(start: start) { world in
            let app = try await make(world, trustedProxies: trustedProxies)
            try await Application(router: buildRouter(app.services)).test(setup) { client in try await body(app, client) }
        }
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
    func publishedTender(
        method: ProcedureMethod = .open,
        criteria: AwardCriteria = .lowestPrice,
        deliveryLocation: String? = nil
    ) async throws
        -> TenderID
    {
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
        let notice = TenderEvent.Notice(title: "Field radios", description: "Handheld radios", method: method, criteria: criteria, lots: [lot])
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
