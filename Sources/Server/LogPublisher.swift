import Foundation
import Logging
import ServiceLifecycle
import Storage
import TransparencyLog

/// Signs a new checkpoint whenever the log has grown, at most every `interval`. The signer itself refuses any
/// checkpoint that the previous one does not prove consistent.
public struct LogPublisher: Service {
    public let store: LogStore
    public let signer: CheckpointSigner
    let interval: Duration
    let logger: Logger

    public init(store: LogStore, signer: CheckpointSigner, interval: Duration = .seconds(2), logger: Logger) {
        self.store = store
        self.signer = signer
        self.interval = interval
        self.logger = logger
    }

    public var verifierKeys: [NoteVerifierKey] { signer.keys.map(\.verifierKey) }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await publish()
            } catch {
                logger.error("checkpoint signing failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// Signs and records a checkpoint for the current size if it is larger than the last one; returns it if so.
    @discardableResult
    public func publish(at time: Date = Date()) async throws -> Checkpoint? {
        let size = try await store.size()
        let latest = try await store.latestCheckpoint()
        if let latest, latest.size >= size { return nil }
        let previous = try latest.map { try Checkpoint(parsing: try SignedNote(parsing: Array($0.note.utf8)).text) }
        let (root, proof) = try await store.withHashes { reader in
            let root = try await reader.treeHash(size: size)
            guard let previous, previous.size > 0 else { return (root, [Hash]()) }
            return (root, try await reader.consistencyProof(oldSize: previous.size, newSize: size).hashes)
        }
        let note = try signer.sign(size: size, root: root, previous: previous, proof: proof)
        try await store.record(.init(size: size, note: note.formatted), at: time)
        return try Checkpoint(parsing: note.text)
    }
}
