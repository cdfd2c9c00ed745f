import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Storage

/// A command's JSON body together with what idempotency needs: the client's key and a fingerprint of the request.
struct CommandInput<Body: Decodable> {
    let body: Body
    let idempotency: IdempotencyKey?

    static func read(_ request: Request, context: AppContext, actor: Actor) async throws -> CommandInput<Body> {
        let buffer = try await request.body(context: context)
        let body = try Request.decode(Body.self, from: buffer)
        guard let key = request.headers[.idempotencyKey] else { return CommandInput(body: body, idempotency: nil) }
        guard (1...200).contains(key.count) else {
            throw Problem(status: .badRequest, code: "invalid-idempotency-key", detail: "Idempotency-Key must be 1 to 200 characters")
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method) \(request.uri.path)\n".utf8))
        hasher.update(data: Data(buffer.readableBytesView))
        let fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return CommandInput(body: body, idempotency: IdempotencyKey(scope: actor.key, key: key, fingerprint: fingerprint))
    }
}

extension HTTPField.Name {
    public static let idempotencyKey = Self("Idempotency-Key")!
    public static let idempotentReplayed = Self("Idempotent-Replayed")!
}

/// New identifiers for resources created through the API.
enum NewID {
    static func make<Entity>(_: Entity.Type = Entity.self) -> Identifier<Entity> {
        Identifier(UUID().uuidString.lowercased())
    }
}
