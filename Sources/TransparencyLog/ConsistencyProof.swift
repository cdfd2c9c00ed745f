/// An RFC 6962 consistency proof: the hashes showing that a tree of `newSize` leaves extends one of `oldSize`.
///
/// Size 0 (tlog.md §1.6): like RFC 9162, transparency-dev/merkle and x/mod, a proof from the empty tree is an
/// error here, even 0 → 0; every tree extends the empty one, so callers that accept an old size of 0 (the
/// witness protocol, ``CheckpointSigner``) decide that case themselves. Equal sizes need an empty proof and equal roots.
public struct ConsistencyProof: Sendable, Hashable {
    public let oldSize: UInt64
    public let newSize: UInt64
    public let hashes: [Hash]

    public init(oldSize: UInt64, newSize: UInt64, hashes: [Hash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// RFC 9162 §2.1.4.2, after an exact length check.
    public func verify(oldRoot: Hash, newRoot: Hash) throws {
        guard oldSize > 0 else { throw ProofError.emptyOldTree }
        guard oldSize <= newSize else { throw ProofError.oldTreeLarger(oldSize: oldSize, newSize: newSize) }
        guard oldSize < newSize else {
            guard hashes.isEmpty else { throw ProofError.wrongLength(expected: 0, actual: hashes.count) }
            guard oldRoot == newRoot else { throw ProofError.rootMismatch }
            return
        }

        let level = oldSize.trailingZeroBitCount
        let oldIsComplete = oldSize.nonzeroBitCount == 1
        let oldLast = (oldSize - 1) >> level
        let inner = 64 - (oldLast ^ ((newSize - 1) >> level)).leadingZeroBitCount
        let border = (oldLast >> inner).nonzeroBitCount
        let expected = inner + border + (oldIsComplete ? 0 : 1)
        guard hashes.count == expected else { throw ProofError.wrongLength(expected: expected, actual: hashes.count) }

        // A complete old tree is a subtree of the new one, so the proof leaves out its root.
        let path = oldIsComplete ? [oldRoot] + hashes : hashes
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw ProofError.rootMismatch }
            if fn & 1 == 1 || fn == sn {
                fr = .node(c, fr)
                sr = .node(c, sr)
                if fn & 1 == 0 {
                    repeat {
                        fn >>= 1
                        sn >>= 1
                    } while fn & 1 == 0 && fn != 0
                }
            } else {
                sr = .node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0, fr == oldRoot, sr == newRoot else { throw ProofError.rootMismatch }
    }
}
