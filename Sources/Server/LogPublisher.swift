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
    /// Of several server instances on one database, only the one leading the checkpoint signer signs.
    @discardableResult
    public func publish(at time: Date = Date()) async throws -> Checkpoint? {
        guard try await store.database.leads(.checkpointSigner) else { return nil }
        let signer = signer
        let verifierKeys = verifierKeys
        let recorded = try await store.recordCheckpoint(at: time) { size, latest, reader in
            if let latest, latest.size >= size { return nil }
            // The previous checkpoint must carry this signer's signature: a replaced key must not continue the log.
            let previous = try latest.map { stored in
                let note = try SignedNote(parsing: Array(stored.note.utf8))
                guard (try? note.verify(with: verifierKeys)) != nil else { throw ForeignCheckpoint(size: stored.size) }
                return try Checkpoint(parsing: note.text)
            }
            let root = try await reader.treeHash(size: size)
            let proof =
                if let previous, previous.size > 0 { try await reader.consistencyProof(oldSize: previous.size, newSize: size).hashes } else {
                    [Hash]()
                }
            return try signer.sign(size: size, root: root, previous: previous, proof: proof).formatted
        }
        return try recorded.map { try Checkpoint(parsing: try SignedNote(parsing: Array($0.note.utf8)).text) }
    }
}

/// The log's latest checkpoint was not signed by the signer's key: the key was replaced or lost.
public struct ForeignCheckpoint: Error, CustomStringConvertible {
    public let size: UInt64
    public var description: String {
        "the checkpoint of size \(size) was not signed by this log's key; restore the original log-signer.key rather than sign with a new one"
    }
}
