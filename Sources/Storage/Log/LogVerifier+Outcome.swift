import Foundation
import TransparencyLog

extension LogVerifier {
    /// What a verification found: a summary of a log that checks out, or the first thing that does not.
    public enum Outcome: Sendable, Hashable {
        case verified(Summary)
        case failed(Failure)

        public var failure: Failure? {
            guard case .failed(let failure) = self else { return nil }
            return failure
        }
    }

    /// A log that verified: every event has its leaf, every stored hash was recomputed, every checkpoint checked.
    public struct Summary: Sendable, Hashable, CustomStringConvertible {
        public let events: UInt64
        /// The tree size: one leaf per event.
        public let leaves: UInt64
        public let storedHashes: UInt64
        /// Stored checkpoints, all verified.
        public let checkpoints: UInt64
        /// Checkpoints given from outside the store, all verified.
        public let externalCheckpoints: Int
        /// The latest stored checkpoint; nil only for an empty log that was never checkpointed.
        public let latest: Checkpoint?
        /// The keys that signed the latest checkpoint.
        public let signers: [NoteVerifierKey]

        public var description: String {
            var text = "\(events) events, \(leaves) leaves, \(storedHashes) stored hashes, \(checkpoints) checkpoints"
            if externalCheckpoints > 0 { text += " and \(externalCheckpoints) external checkpoints" }
            if let latest {
                let keys = signers.map(LogVerifier.keyLabel).joined(separator: ", ")
                text += "; latest checkpoint size \(latest.size), root \(latest.root.base64), signed by \(keys)"
                if latest.size < leaves { text += "; \(leaves - latest.size) newer leaves not yet checkpointed" }
            }
            return text
        }
    }

    /// Which checkpoint a failure is about.
    public enum CheckpointSource: Sendable, Hashable, CustomStringConvertible {
        /// A row of `tlog_checkpoints`, by its size column.
        case stored(size: UInt64)
        /// A checkpoint given from outside the store, by its label (a file name).
        case external(String)

        public var description: String {
            switch self {
            case .stored(let size): "checkpoint size \(size)"
            case .external(let label): "checkpoint \(label)"
            }
        }
    }

    /// The first thing found wrong, in the order checked: leaf by leaf the event it refers to, the leaf and the stored
    /// hashes it appends; then the latest checkpoint, the older ones, and any external ones.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// No leaf has index `leafIndex`; the next stored leaf has index `found`.
        case leafMissing(leafIndex: UInt64, found: Int64)
        /// Leaf `leafIndex` refers to an event at or before the one of the leaf before it: leaves were reordered.
        case sequenceOutOfOrder(leafIndex: UInt64, sequence: Int64, previous: Int64)
        /// Leaf `leafIndex` refers to event `sequence`, which the store does not hold.
        case eventMissing(leafIndex: UInt64, sequence: Int64)
        /// Event `sequence` has no leaf: leaf `leafIndex` (which should be its leaf) refers to `leafSequence`, or does
        /// not exist when that is nil.
        case eventNotLogged(sequence: Int64, leafIndex: UInt64, leafSequence: Int64?)
        /// The event row of leaf `leafIndex` cannot be read, or is not as the store writes it.
        case invalidEvent(leafIndex: UInt64, sequence: Int64, reason: String)
        /// The leaf row itself cannot be read.
        case invalidLeaf(leafIndex: UInt64, reason: String)
        /// The entry rebuilt from the event and the leaf's salt and actor flag differs from the stored entry.
        case entryMismatch(leafIndex: UInt64, sequence: Int64)
        /// Stored hash `index` (at `level`, appended with leaf `leafIndex`) is absent.
        case storedHashMissing(index: UInt64, level: Int, leafIndex: UInt64)
        /// Stored hash `index` is not the base64 of 32 bytes.
        case storedHashInvalid(index: UInt64, leafIndex: UInt64)
        /// Stored hash `index` (at `level`, appended with leaf `leafIndex`) differs from the recomputed one.
        case storedHashMismatch(index: UInt64, level: Int, leafIndex: UInt64)
        /// A stored hash that a tree of `treeSize` leaves does not have.
        case unexpectedStoredHash(index: Int64, treeSize: UInt64)
        /// The log has leaves but no stored checkpoint attests any of them.
        case noCheckpoint(treeSize: UInt64)
        case checkpointMalformed(CheckpointSource, reason: String)
        /// A signature by one of the keys does not verify: the note was changed after signing.
        case checkpointSignatureInvalid(CheckpointSource, key: String)
        /// No signature by any of the keys.
        case checkpointUnsigned(CheckpointSource, keys: [String])
        case checkpointOriginMismatch(CheckpointSource, origin: String, expected: String)
        /// The row's size column and the signed size differ.
        case checkpointSizeMismatch(CheckpointSource, signedSize: UInt64)
        /// The checkpoint covers leaves the log no longer has: leaf `treeSize` onwards are missing.
        case checkpointBeyondLog(CheckpointSource, size: UInt64, treeSize: UInt64)
        /// The signed root is not the root of the recomputed tree at that size.
        case checkpointRootMismatch(CheckpointSource, size: UInt64)
        /// An older checkpoint is not consistent with the latest one.
        case checkpointInconsistent(CheckpointSource, size: UInt64, latestSize: UInt64)

        /// The first leaf index found bad, where a failure points at one.
        public var leafIndex: UInt64? {
            switch self {
            case .leafMissing(let index, _), .sequenceOutOfOrder(let index, _, _), .eventMissing(let index, _),
                .eventNotLogged(_, let index, _), .invalidEvent(let index, _, _), .invalidLeaf(let index, _), .entryMismatch(let index, _),
                .storedHashMissing(_, _, let index), .storedHashInvalid(_, let index), .storedHashMismatch(_, _, let index):
                index
            case .checkpointBeyondLog(_, _, let treeSize): treeSize
            default: nil
            }
        }

        public var description: String {
            switch self {
            case .leafMissing(let index, let found):
                "leaf \(index) missing: the next stored leaf is \(found)"
            case .sequenceOutOfOrder(let index, let sequence, let previous):
                "leaf \(index) (event seq \(sequence)) is out of order: leaf \(index - 1) refers to seq \(previous)"
            case .eventMissing(let index, let sequence):
                "event seq \(sequence) missing: leaf \(index) refers to seq \(sequence)"
            case .eventNotLogged(let sequence, let index, let leafSequence?):
                "event seq \(sequence) is not in the log: leaf \(index) refers to seq \(leafSequence)"
            case .eventNotLogged(let sequence, let index, nil):
                "event seq \(sequence) is not in the log: leaf \(index) missing, the log ends there"
            case .invalidEvent(let index, let sequence, let reason):
                "leaf \(index) (event seq \(sequence)): invalid event row: \(reason)"
            case .invalidLeaf(let index, let reason):
                "leaf \(index): invalid leaf row: \(reason)"
            case .entryMismatch(let index, let sequence):
                "leaf \(index) (event seq \(sequence)): entry does not match the event"
            case .storedHashMissing(let index, let level, let leaf):
                "stored hash \(index) missing (level \(level), appended with leaf \(leaf))"
            case .storedHashInvalid(let index, let leaf):
                "stored hash \(index) is not a base64 SHA-256 hash (appended with leaf \(leaf))"
            case .storedHashMismatch(let index, let level, let leaf):
                "stored hash \(index) differs from the recomputed tree (level \(level), appended with leaf \(leaf))"
            case .unexpectedStoredHash(let index, let treeSize):
                "stored hash \(index) is not part of the tree of \(treeSize) leaves"
            case .noCheckpoint(let treeSize):
                "no signed checkpoint: nothing attests the \(treeSize) leaves"
            case .checkpointMalformed(let source, let reason):
                "\(source): malformed note: \(reason)"
            case .checkpointSignatureInvalid(let source, let key):
                "\(source): signature invalid for key \(key)"
            case .checkpointUnsigned(let source, let keys):
                "\(source): no signature by key \(keys.joined(separator: " or "))"
            case .checkpointOriginMismatch(let source, let origin, let expected):
                "\(source): origin \"\(origin)\", expected \"\(expected)\""
            case .checkpointSizeMismatch(let source, let signedSize):
                "\(source): the signed note is for size \(signedSize)"
            case .checkpointBeyondLog(let source, let size, let treeSize):
                "\(source): the log has only \(treeSize) of its \(size) leaves (leaf \(treeSize) missing)"
            case .checkpointRootMismatch(let source, let size):
                "\(source): root mismatch with the recomputed tree of \(size) leaves"
            case .checkpointInconsistent(let source, let size, let latestSize):
                "\(source): not consistent with the latest checkpoint: no consistency proof from size \(size) to \(latestSize)"
            }
        }
    }

    /// A checkpoint kept outside the store (fetched earlier, or held by a witness or auditor), to check the log against.
    public struct ExternalCheckpoint: Sendable, Hashable {
        /// The signed note, as served at `/tlog/checkpoint`.
        public let note: String
        /// How to name it in a failure: a file name, say.
        public let label: String

        public init(note: String, label: String) {
            self.note = note
            self.label = label
        }
    }

    /// `name+keyID`, as key IDs are written in verifier keys.
    static func keyLabel(_ key: NoteVerifierKey) -> String {
        keyLabel(name: key.name, keyID: key.keyID)
    }

    static func keyLabel(name: String, keyID: UInt32) -> String {
        let hex = String(keyID, radix: 16)
        return name + "+" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
