import Foundation
import HTTPTypes
import Hummingbird
import Procurement

/// A JSON response with the platform's encoder.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]
    let value: Value

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try EventCoding.encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A value with its stream version flattened into the same JSON object, and sent as the ETag.
struct VersionedBody<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    let version: Int

    private enum Keys: String, CodingKey { case version }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(version, forKey: .version)
    }
}

extension Request {
    /// Reads and decodes the JSON body, with a precise problem for every way it can be wrong.
    func json<T: Decodable>(_ type: T.Type, context: AppContext) async throws -> T {
        try Self.decode(type, from: try await body(context: context))
    }

    /// As `json`, but an empty body gives nil when `optional`.
    func json<T: Decodable>(_ type: T.Type, context: AppContext, optional: Bool) async throws -> T? {
        let buffer = try await body(context: context)
        if optional, buffer.readableBytes == 0 { return nil }
        return try Self.decode(type, from: buffer)
    }

    /// The whole body, within the context's upload limit.
    func body(context: AppContext) async throws -> ByteBuffer {
        var request = self
        do {
            return try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            throw Problem(status: .contentTooLarge, code: "body-too-large", detail: "request bodies are limited to \(context.maxUploadSize) bytes")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        guard buffer.readableBytes > 0 else { throw Problem(status: .badRequest, code: "body-required", detail: "send a JSON object") }
        do {
            return try EventCoding.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Problem(decoding: error)
        }
    }

    /// `If-Match: "3"` or `If-Match: 3` expects the resource at that version.
    var expectedVersion: Int? {
        get throws {
            guard let value = headers[.ifMatch] else { return nil }
            let digits = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))
            guard let version = Int(digits) else {
                throw Problem(status: .badRequest, code: "invalid-if-match", detail: "If-Match carries the version, e.g. \"3\"")
            }
            return version
        }
    }
}

extension Problem {
    init(decoding error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            self.init(status: .unprocessableContent, code: "missing-field", detail: "\(field) is required", field: field)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            self.init(
                status: .unprocessableContent,
                code: "wrong-type",
                detail: "\(field.isEmpty ? "body" : field) must be \(Self.name(type))",
                field: field
            )
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            self.init(status: .unprocessableContent, code: "missing-value", detail: "\(field) must be \(Self.name(type)), not null", field: field)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(status: .badRequest, code: "malformed-json", detail: "the body is not valid JSON")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            self.init(status: .unprocessableContent, code: "invalid-value", detail: "\(field): \(context.debugDescription)", field: field)
        @unknown default:
            self.init(status: .badRequest, code: "invalid-body", detail: "the body could not be read")
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        case is Double.Type, is Decimal.Type: "a number"
        default: String(describing: type).contains("Array") ? "an array" : "an object"
        }
    }
}
