import DatabaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Procurement
import Server
import Storage
import Testing
import TransparencyLog

/// A real server over a fresh database (SQLite, or PostgreSQL: ``TestBackend``), a manual clock, and a cast of
/// organisations and users with tokens.
struct TestApp {
    let scratch: ScratchDatabase
    let database: any Database
    let services: Services
    let time: ManualTime
    let tokens: [String: String]

    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let day: TimeInterval = 86_400
    static let origin = "test.quartermaster.local/log"

    /// Organisations: `dpa` (buyer), `dot` (another buyer), `supplier-a/b/c`, `audit`.
    /// Token names: admin, officer, evaluator, evaluator2, approver, foreign-officer, supplier-a, supplier-b, supplier-c, auditor.
    static func make(_ backend: TestBackend = .sqlite) async throws -> TestApp {
        let scratch = try await ScratchDatabase.create(backend)
        let database = try await scratch.open()
        try await Migrator(database: database).migrate()
        let time = ManualTime(start)
        let ledger = Ledger(database: database, time: time)
        let identity = IdentityStore(database: database)
        let organizations = [
            Organization(id: OrganizationID("platform"), name: "Platform operator", kind: .ministry, country: "UKR", edrpou: try EDRPOU("00034022")),
            Organization(
                id: OrganizationID("dpa"),
                name: "Defence Procurement Agency",
                kind: .procurementAgency,
                country: "UKR",
                edrpou: try EDRPOU("00034022"),
                clearance: .secret
            ),
            Organization(
                id: OrganizationID("dot"),
                name: "State Logistics Operator",
                kind: .logisticsOperator,
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
            Organization(id: OrganizationID("supplier-c"), name: "Charlie Industries", kind: .supplier, country: "POL", nationalRegistryID: "KRS 1"),
            Organization(
                id: OrganizationID("audit"),
                name: "State Audit Service",
                kind: .oversightBody,
                country: "UKR",
                edrpou: try EDRPOU("00034022"),
                clearance: .secret
            ),
        ]
        for organization in organizations { _ = try await ledger.register(organization, actor: .system) }
        let cast: [(String, String, Set<Role>, Classification)] = [
            ("admin", "platform", [.administrator], .unclassified),
            ("officer", "dpa", [.buyerOfficer], .secret),
            ("clerk", "dpa", [.buyerOfficer], .unclassified),
            ("evaluator", "dpa", [.evaluator], .secret),
            ("evaluator2", "dpa", [.evaluator], .secret),
            ("approver", "dpa", [.buyerApprover], .secret),
            ("foreign-officer", "dot", [.buyerOfficer], .unclassified),
            ("supplier-a", "supplier-a", [.supplierRepresentative], .unclassified),
            ("supplier-b", "supplier-b", [.supplierRepresentative], .unclassified),
            ("supplier-c", "supplier-c", [.supplierRepresentative], .unclassified),
            ("auditor", "audit", [.auditor], .secret),
        ]
        var tokens: [String: String] = [:]
        for (name, organization, roles, clearance) in cast {
            let user = User(id: UserID("user-\(name)"), organizationID: OrganizationID(organization), name: name, roles: roles, clearance: clearance)
            try await identity.addUser(user, email: "\(name)@example.org", at: start)
            let token = APIToken.generate()
            try await identity.addToken(hash: APIToken.hash(token), user: user.id, label: "test", at: start)
            tokens[name] = token
        }
        let publisher = LogPublisher(
            store: LogStore(database: database),
            signer: CheckpointSigner(origin: origin, keys: [try NoteSignerKey.generate(name: origin)]),
            logger: Logger(label: "test")
        )
        let services = Services(ledger: ledger, identity: identity, log: publisher)
        return TestApp(scratch: scratch, database: database, services: services, time: time, tokens: tokens)
    }

    func close() async throws {
        try await database.close()
        try await scratch.drop()
    }

    /// Runs `body` against the app over the in-process test client on each enabled backend in turn, then cleans up.
    static func with(_ body: @Sendable (TestApp, Client) async throws -> Void) async throws {
        for backend in TestBackend.enabled {
            let app = try await make(backend)
            do {
                try await Application(router: buildRouter(app.services)).test(.router) { client in
                    try await body(app, Client(raw: client, tokens: app.tokens))
                }
            } catch {
                try await app.close()
                throw BackendFailure(backend: backend, error: error)
            }
            try await app.close()
        }
    }

    func tick() async -> Int { await Scheduler(ledger: services.ledger, logger: .init(label: "test")).tick() }
}

/// The test client with JSON helpers. Every response is also checked against the OpenAPI document.
struct Client: Sendable {
    let raw: any TestClientProtocol
    let tokens: [String: String]

    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: Data

        var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null }
        var text: String { String(decoding: body, as: UTF8.self) }
        var code: String? { if case .string(let code)? = json["code"] { return code } else { return nil } }
        func string(_ key: String) -> String? { if case .string(let value)? = json[key] { return value } else { return nil } }
    }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        as user: String? = nil,
        json body: String? = nil,
        headers extra: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        var headers = extra
        if let user { headers[.authorization] = "Bearer \(tokens[user]!)" }
        if body != nil { headers[.contentType] = "application/json" }
        let reply = try await raw.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
        OpenAPIConformance.check(method: method.rawValue, path: path, status: reply.status.code, body: reply.body, sourceLocation: sourceLocation)
        return reply
    }

    func get(_ path: String, as user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        try await send(.get, path, as: user, sourceLocation: sourceLocation)
    }

    func post(
        _ path: String,
        as user: String? = nil,
        json: String? = nil,
        headers: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Reply {
        try await send(.post, path, as: user, json: json, headers: headers, sourceLocation: sourceLocation)
    }
}

extension TestApp {
    static func timestamp(days: Double) -> String { Timestamp.format(start + days * day) }
}
