import Foundation
import Procurement
import SQLKit

/// A client's idempotency key, scoped to the caller, with a fingerprint of the request it first came with.
public struct IdempotencyKey: Sendable {
    public let scope: String
    public let key: String
    public let fingerprint: String

    public init(scope: String, key: String, fingerprint: String) {
        self.scope = scope
        self.key = key
        self.fingerprint = fingerprint
    }

    /// The resource the key's first request (recorded with `fingerprint`) made; refused unless this is that request.
    func resource(recorded fingerprint: String, resource: String) throws -> String {
        guard fingerprint == self.fingerprint else {
            throw DomainError.invalidField(
                field: "Idempotency-Key",
                code: "idempotency-key-reused",
                reason: "this key was already used for a different request"
            )
        }
        return resource
    }
}

/// The `idempotency_keys` table: each key with the resource its first request made.
enum IdempotencyKeys {
    static func resource(of key: IdempotencyKey, on sql: any SQLDatabase) async throws -> String? {
        guard
            let row = try await sql.raw(
                "SELECT fingerprint, resource_id FROM idempotency_keys WHERE scope = \(bind: key.scope) AND key = \(bind: key.key)"
            ).first()
        else { return nil }
        return try key.resource(
            recorded: try row.decode(column: "fingerprint", as: String.self),
            resource: try row.decode(column: "resource_id", as: String.self)
        )
    }

    static func insert(_ keys: [PendingRows.Key], on sql: any SQLDatabase) async throws {
        try await sql.insertRows(
            into: "idempotency_keys",
            columns: ["scope", "key", "fingerprint", "resource_id", "created_at"],
            keys.map { [$0.key.scope, $0.key.key, $0.key.fingerprint, $0.resource, Timestamp.format($0.time)] }
        )
    }
}
