import Foundation
import Hummingbird
import Logging
import OpenContracting
import Procurement
import Storage
import WebUI

/// Everything the HTTP layer needs, built once at start-up.
public struct Services: Sendable {
    public let ledger: Ledger
    public let identity: IdentityStore
    public let log: LogPublisher
    /// Who publishes the OCDS data and under which ocid prefix.
    public let publisher: PublisherProfile
    /// The browser interface, mounted at `/` when present.
    public let web: WebUI?

    public init(ledger: Ledger, identity: IdentityStore, log: LogPublisher, publisher: PublisherProfile = .demo, web: WebUI? = nil) {
        self.ledger = ledger
        self.identity = identity
        self.log = log
        self.publisher = publisher
        self.web = web
    }
}

extension PublisherProfile {
    /// For demos and tests: an unregistered prefix and a local address. Production sets its registered prefix.
    public static let demo = PublisherProfile(
        ocidPrefix: "ocds-qmdemo",
        publisherName: "Quartermaster demo: Ministry of Defence of Ukraine",
        baseURI: "http://127.0.0.1:8080"
    )
}

/// All routes: `/healthz`, the JSON API under `/api/v1` and OCDS under `/ocds` (bearer tokens), the transparency log,
/// and the web UI (session cookies) when there is one.
public func buildRouter(_ services: Services) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware())
    let api = router.group("api/v1").add(middleware: AuthMiddleware(identity: services.identity))
    SystemController(ledger: services.ledger).register(on: router, api: api)
    IdentityController(ledger: services.ledger, identity: services.identity).register(on: api)
    TenderController(ledger: services.ledger).register(on: api)
    BidController(ledger: services.ledger, log: services.log.store).register(on: api)
    EventController(ledger: services.ledger, log: services.log.store).register(on: api)
    LogController(publisher: services.log).register(on: router)
    let ocds = router.group("ocds").add(middleware: AuthMiddleware(identity: services.identity))
    OCDSController(catalog: ReleaseCatalog(ledger: services.ledger, log: services.log.store, profile: services.publisher)).register(on: ocds)
    services.web?.register(on: router)
    return router
}

/// The server with its scheduler, ready to `runService()`.
public func buildApplication(_ services: Services, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    var app = Application(
        router: buildRouter(services),
        configuration: .init(address: .hostname(host, port: port), serverName: "Quartermaster"),
        logger: logger
    )
    app.addServices(Scheduler(ledger: services.ledger, logger: logger), services.log)
    return app
}
