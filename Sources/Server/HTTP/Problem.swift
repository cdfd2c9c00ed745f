import Foundation
import HTTPTypes
import Hummingbird
import Procurement

/// An RFC 9457 problem details response with a stable machine-readable `code`.
public struct Problem: Error, Encodable, ResponseGenerator, Sendable {
    public let type: String
    public let title: String
    public let status: Int
    public let detail: String
    public let code: String
    public let field: String?

    public init(status: HTTPResponse.Status, code: String, detail: String, field: String? = nil) {
        type = "https://quartermaster.example/problems/\(code)"
        title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.code = code
        self.field = field
    }

    public init(_ error: DomainError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .invalid, .rule: .unprocessableContent
            case .illegalState, .conflict: .conflict
            case .forbidden: .forbidden
            case .notFound: .notFound
            }
        var field: String? = nil
        if case .invalidField(let name, _, _) = error { field = name }
        self.init(status: status, code: error.code, detail: error.message, field: field)
    }

    static let unauthenticated = Problem(
        status: .unauthorized,
        code: "authentication-required",
        detail: "sign in: send Authorization: Bearer <token>"
    )

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try EventCoding.encoder.encode(self)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
