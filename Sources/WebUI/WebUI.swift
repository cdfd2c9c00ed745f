import Foundation
import Hummingbird
import Procurement
import Storage

/// The browser interface: server-rendered pages in Ukrainian and English over the same `Ledger` commands and the
/// same `Disclosure` policy as the JSON API.
public struct WebUI: Sendable {
    let ledger: Ledger
    let identity: IdentityStore
    let access: WebAccessStore
    let log: LogStore
    let settings: WebSettings
    /// The real time, which sessions, codes and throttling go by, whatever the platform clock's rate.
    let clock: any TimeSource
    let pages: Pages
    /// Checked against when an address is unknown.
    let decoyHash: String

    public init(
        ledger: Ledger,
        identity: IdentityStore,
        log: LogStore,
        settings: WebSettings = .init(),
        clock: any TimeSource = SystemTime()
    ) async throws {
        self.ledger = ledger
        self.identity = identity
        access = WebAccessStore(database: ledger.database)
        self.log = log
        self.settings = settings
        self.clock = clock
        pages = try await Pages.load()
        decoyHash = Secrets.hashPassword(Secrets.token(), cost: settings.bcryptCost)
    }

    public func register<Context: RemoteAddressRequestContext>(on router: some RouterMethods<Context>) {
        func get(_ path: RouterPath, _ handler: @escaping @Sendable (Request, Parameters) async throws -> Response) {
            router.get(path) { request, context in try await handler(request, context.parameters) }
        }
        func post(_ path: RouterPath, _ handler: @escaping @Sendable (Request, Parameters) async throws -> Response) {
            router.post(path) { request, context in try await handler(request, context.parameters) }
        }
        /// Sign-in forms, throttled per client as well as per address.
        func postFromClient(_ path: RouterPath, _ handler: @escaping @Sendable (Request, String) async throws -> Response) {
            let trusted = Set(settings.trustedProxies.map(ClientAddress.normalized))
            router.post(path) { request, context in
                let forwarded = request.headers[values: .forwardedFor]
                return try await handler(request, ClientAddress.key(peer: context.remoteAddress, forwardedFor: forwarded, trustedProxies: trusted))
            }
        }
        get("/", { request, _ in try await home(request) })
        get("/assets/:file", { try await asset($0, $1) })
        get("/language/:code", { try await chooseLanguage($0, $1) })
        get("/dashboard", { request, _ in try await dashboard(request) })
        get("/dashboard.csv", { request, _ in try await dashboardCSV(request) })
        get("/sign-in", { request, _ in try await signInPage(request) })
        postFromClient("/sign-in", { try await signIn($0, client: $1) })
        get("/sign-in/code", { request, _ in try await codePage(request) })
        postFromClient("/sign-in/code", { try await submitCode($0, client: $1) })
        get("/sign-in/enrol", { request, _ in try await enrolmentPage(request) })
        postFromClient("/sign-in/enrol", { try await confirmEnrolment($0, client: $1) })
        post("/sign-out", { request, _ in try await signOut(request) })
        get("/register", { request, _ in try await registrationPage(request) })
        post("/register", { request, _ in try await register(request) })
        get("/my/bids", { request, _ in try await myBids(request) })
        get("/my/organization", { request, _ in try await representativesPage(request) })
        post("/my/organization", { request, _ in try await addRepresentative(request) })
        get("/tenders/new", { request, _ in try await newTenderPage(request) })
        post("/tenders/new", { request, _ in try await createTender(request) })
        get("/tenders/:tender", { try await tenderPage($0, $1) })
        get("/tenders/:tender/evaluation", { try await evaluationPage($0, $1) })
        post("/tenders/:tender/publish", { try await publish($0, $1) })
        post("/tenders/:tender/amend", { try await amend($0, $1) })
        post("/tenders/:tender/cancel", { try await cancel($0, $1) })
        post("/tenders/:tender/questions", { try await askQuestion($0, $1) })
        post("/tenders/:tender/questions/:question/answer", { try await answerQuestion($0, $1) })
        post("/tenders/:tender/candidates", { try await applyAsCandidate($0, $1) })
        post("/tenders/:tender/candidates/:supplier/decision", { try await decideCandidate($0, $1) })
        post("/tenders/:tender/invitations", { try await inviteTenders($0, $1) })
        post("/tenders/:tender/bids", { try await submitBid($0, $1) })
        post("/tenders/:tender/opening", { try await openBids($0, $1) })
        post("/tenders/:tender/bids/:bid/decision", { try await decideBid($0, $1) })
        post("/tenders/:tender/lots/:lot/award", { try await proposeAward($0, $1) })
        post("/tenders/:tender/lots/:lot/unsuccessful", { try await declareLotUnsuccessful($0, $1) })
        post("/tenders/:tender/awards/:award/approval", { try await approveAward($0, $1) })
        post("/tenders/:tender/awards/:award/rejection", { try await rejectAward($0, $1) })
        post("/tenders/:tender/awards/:award/contract", { try await signContract($0, $1) })
        post("/bids/:bid/replace", { try await replaceBid($0, $1) })
        post("/bids/:bid/withdraw", { try await withdrawBid($0, $1) })
        post("/bids/:bid/confirm", { try await confirmBid($0, $1) })
    }

    /// The `:tender` of the route if the visitor may see it; otherwise not found, exactly like a tender that does
    /// not exist.
    func visibleTender(_ parameters: Parameters, visitor: Visitor) async throws -> Versioned<Tender> {
        let id = TenderID(try parameters.require("tender"))
        guard let tender = try await ledger.tender(id), Disclosure.canSee(tender.value, viewer: visitor.viewer) else { throw WebError.notFound }
        return tender
    }
}
