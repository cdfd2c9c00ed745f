/// Signs a log's checkpoints, refusing any that the previous checkpoint does not prove consistent: the log is its
/// own first witness, so it can never sign two checkpoints that contradict each other.
///
/// It keeps no state; the caller supplies the last checkpoint it signed.
public struct CheckpointSigner: Sendable {
    public let origin: String
    public let keys: [NoteSignerKey]

    public init(origin: String, keys: [NoteSignerKey]) {
        self.origin = origin
        self.keys = keys
    }

    /// Signs the checkpoint `(size, root)` if `proof` shows it extends `previous`.
    ///
    /// With no previous checkpoint, or a previous one of size 0, no proof is needed and none is accepted: every tree
    /// extends the empty tree, whose root must be ``Hash/emptyTree``. Otherwise ``ConsistencyProof`` decides,
    /// so the same size needs the same root and an empty proof.
    public func sign(
        size: UInt64,
        root: Hash,
        extensionLines: [String] = [],
        previous: Checkpoint?,
        proof: [Hash]
    ) throws -> SignedNote {
        guard size > 0 || root == .emptyTree else { throw CheckpointSignerError.emptyTreeRootMismatch }
        if let previous {
            guard previous.origin.utf8.elementsEqual(origin.utf8) else { throw CheckpointSignerError.originMismatch(previous.origin) }
            guard previous.size <= size else { throw CheckpointSignerError.treeShrank(previousSize: previous.size, size: size) }
            if previous.size == 0 {
                guard previous.root == .emptyTree else { throw CheckpointSignerError.emptyTreeRootMismatch }
                guard proof.isEmpty else { throw CheckpointSignerError.inconsistent(.wrongLength(expected: 0, actual: proof.count)) }
            } else {
                do {
                    try ConsistencyProof(oldSize: previous.size, newSize: size, hashes: proof).verify(oldRoot: previous.root, newRoot: root)
                } catch let error as ProofError {
                    throw CheckpointSignerError.inconsistent(error)
                }
            }
        } else {
            guard proof.isEmpty else { throw CheckpointSignerError.inconsistent(.wrongLength(expected: 0, actual: proof.count)) }
        }
        let checkpoint = try Checkpoint(origin: origin, size: size, root: root, extensionLines: extensionLines)
        return try SignedNote(text: checkpoint.body, signers: keys)
    }
}
