import Foundation
import Hummingbird
import Procurement
import Storage

/// Health, the platform clock, and the OpenAPI document.
struct SystemController {
    let ledger: Ledger

    struct Health: Encodable, Sendable { let status: String }
    struct Clock: Encodable, Sendable {
        let now: Date
        let rate: Double
    }

    func register(on router: some RouterMethods<AppContext>, api: some RouterMethods<AppContext>) {
        router.get("healthz", use: health)
        api.get("clock", use: clock)
        api.get("openapi.json", use: openAPI)
    }

    @Sendable func health(_ request: Request, context: AppContext) async throws -> Response {
        _ = try await ledger.lastSequence()
        return try JSONBody(value: Health(status: "ok")).response(from: request, context: context)
    }

    /// Clients schedule deadlines against this clock: under a sandbox rate it runs ahead of wall time.
    @Sendable func clock(_ request: Request, context: AppContext) async throws -> Response {
        try JSONBody(value: Clock(now: ledger.time.now, rate: ledger.time.rate)).response(from: request, context: context)
    }

    @Sendable func openAPI(_ request: Request, context: AppContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data())))
    }
}

/// The OpenAPI 3.1 description of `/api/v1`, shipped as a resource and checked against the router by the tests.
public enum OpenAPIDocument {
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
