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

/// A real server over a fresh database (SQLite, or PostgreSQL: ``TestBackend``) with the ``TestCast`` of
/// organisations and users, each with an API token, and a manual clock.
struct TestApp {
    let world: TestWorld
    let services: Services
    /// Each member's token by name (`TestCast.members`).
    let tokens: [String: String]

    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let day: TimeInterval = 86_400
    static let origin = "test.quartermaster.local/log"

    var database: any Database { world.database }
    var time: ManualTime { world.time }

    static func make(_ backend: TestBackend = .sqlite) async throws -> TestApp {
        let world = try await TestWorld.make(backend, start: start)
        do { return try await make(world) } catch {
            try? await world.close()
            throw error
        }
    }

    private static func make(_ world: TestWorld) async throws -> TestApp {
        var tokens: [String: String] = [:]
        for member in TestCast.members {
            let token = APIToken.generate()
            try await world.identity.addToken(hash: APIToken.hash(token), user: member.id, label: "test", at: start)
            tokens[member.name] = token
        }
        let publisher = LogPublisher(
            store: LogStore(database: world.database),
            signer: CheckpointSigner(origin: origin, keys: [try NoteSignerKey.generate(name: origin)]),
            logger: Logger(label: "test")
        )
        return TestApp(world: world, services: Services(ledger: world.ledger, identity: world.identity, log: publisher), tokens: tokens)
    }

    func close() async throws {
        try await world.close()
    }

    /// Runs `body` against the app over the in-process test client on each enabled backend in turn, then cleans up.
    static func with(_ body: @Sendable (TestApp, Client) async throws -> Void) async throws {
        try await TestWorld.withEach(start: start) { world in
            let app = try await make(world)
            try await Application(router: buildRouter(app.services)).test(.router) { client in
                try await body(app, Client(raw: client, tokens: app.tokens))
            }
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
