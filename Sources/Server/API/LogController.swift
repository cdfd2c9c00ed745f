import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Storage
import TransparencyLog

/// The public transparency log, per C2SP tlog-tiles: the signed checkpoint, hash tiles and entry bundles, plus
/// proofs on demand. Everything served is bounded by the latest signed checkpoint.
struct LogController {
    let publisher: LogPublisher

    func register(on router: some RouterMethods<AppContext>) {
        router.get("tlog/checkpoint", use: checkpoint)
        router.get("tlog/vkey", use: verifierKey)
        router.get("tlog/tile/**", use: tile)
        router.get("tlog/proof/inclusion", use: inclusion)
        router.get("tlog/proof/consistency", use: consistency)
    }

    struct InclusionResponse: Encodable, Sendable {
        let leafIndex: UInt64
        let treeSize: UInt64
        let hashes: [String]
    }

    struct ConsistencyResponse: Encodable, Sendable {
        let oldSize: UInt64
        let newSize: UInt64
        let hashes: [String]
    }

    @Sendable func checkpoint(_ request: Request, context: AppContext) async throws -> Response {
        let latest = try await signedSize()
        return text(latest.note, cache: "no-cache")
    }

    @Sendable func verifierKey(_ request: Request, context: AppContext) async throws -> Response {
        text(publisher.verifierKeys.map(\.encoded).joined(separator: "\n") + "\n", cache: "public, max-age=86400")
    }

    @Sendable func tile(_ request: Request, context: AppContext) async throws -> Response {
        let path = String(request.uri.path.dropFirst("/tlog/".count))
        guard let tile = try? Tile(path: path) else {
            throw Problem(status: .notFound, code: "tile-not-found", detail: "\(path) is not a tlog-tiles path")
        }
        let size = try await signedSize().size
        guard tile.isContained(inTreeSize: size) else {
            throw Problem(status: .notFound, code: "tile-not-found", detail: "\(path) lies beyond the latest checkpoint (size \(size))")
        }
        let bytes: [UInt8]
        switch tile.kind {
        case .entries:
            let entries = try await publisher.store.entries(from: tile.index * UInt64(Tile.fullWidth), count: tile.width)
            bytes = try EntryBundle(entries: entries).encoded
        case .hashes:
            bytes = try await publisher.store.withHashes { try await $0.tileData(for: tile, treeSize: size) }
        }
        // A full tile never changes; a partial one is replaced by a wider one as the log grows.
        let cache = tile.isPartial ? "public, max-age=5" : "public, max-age=31536000, immutable"
        return Response(
            status: .ok,
            headers: [.contentType: "application/octet-stream", .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    @Sendable func inclusion(_ request: Request, context: AppContext) async throws -> Response {
        let signed = try await signedSize().size
        let query = request.uri.queryParameters
        let size = try Self.number(query["size"], name: "size", default: signed, max: signed)
        let index = try Self.number(query["index"], name: "index", default: nil, max: size == 0 ? 0 : size - 1)
        guard size > 0 else { throw Problem(status: .badRequest, code: "invalid-query", detail: "the tree is empty", field: "size") }
        let proof = try await publisher.store.withHashes { try await $0.inclusionProof(leafIndex: index, treeSize: size) }
        return try JSONBody(value: InclusionResponse(leafIndex: index, treeSize: size, hashes: proof.hashes.map(\.base64)))
            .response(from: request, context: context)
    }

    @Sendable func consistency(_ request: Request, context: AppContext) async throws -> Response {
        let signed = try await signedSize().size
        let query = request.uri.queryParameters
        let newSize = try Self.number(query["new"], name: "new", default: signed, max: signed)
        let oldSize = try Self.number(query["old"], name: "old", default: nil, max: newSize)
        guard oldSize > 0 else { throw Problem(status: .badRequest, code: "invalid-query", detail: "old must be at least 1", field: "old") }
        let proof = try await publisher.store.withHashes { try await $0.consistencyProof(oldSize: oldSize, newSize: newSize) }
        return try JSONBody(value: ConsistencyResponse(oldSize: oldSize, newSize: newSize, hashes: proof.hashes.map(\.base64)))
            .response(from: request, context: context)
    }

    private func signedSize() async throws -> LogStore.StoredCheckpoint {
        guard let latest = try await publisher.store.latestCheckpoint() else {
            throw Problem(status: .serviceUnavailable, code: "no-checkpoint", detail: "the log has not signed a checkpoint yet")
        }
        return latest
    }

    private func text(_ body: String, cache: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    private static func number(_ value: Substring?, name: String, default fallback: UInt64?, max: UInt64) throws -> UInt64 {
        guard let value else {
            guard let fallback else { throw Problem(status: .badRequest, code: "invalid-query", detail: "\(name) is required", field: name) }
            return fallback
        }
        guard let number = UInt64(value), number <= max else {
            throw Problem(status: .badRequest, code: "invalid-query", detail: "\(name) must be an integer from 0 to \(max)", field: name)
        }
        return number
    }
}
