/// An RFC 6962 audit path: the hashes that link leaf `leafIndex` to the root of a tree of `treeSize` leaves.
public struct InclusionProof: Sendable, Hashable {
    public let leafIndex: UInt64
    public let treeSize: UInt64
    public let hashes: [Hash]

    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [Hash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// RFC 9162 §2.1.3.2. A tree of size 0 contains no leaf, so every proof against it fails.
    ///
    /// The path length must be exactly `inner + border`, which rejects inserted or removed hashes before any hashing.
    public func verify(leafHash: Hash, root: Hash) throws {
        guard leafIndex < treeSize else { throw ProofError.leafIndexOutOfRange(leafIndex: leafIndex, treeSize: treeSize) }
        let inner = 64 - (leafIndex ^ (treeSize - 1)).leadingZeroBitCount
        let border = (leafIndex >> inner).nonzeroBitCount
        guard hashes.count == inner + border else { throw ProofError.wrongLength(expected: inner + border, actual: hashes.count) }

        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in hashes {
            guard sn != 0 else { throw ProofError.rootMismatch }
            if fn & 1 == 1 || fn == sn {
                r = .node(p, r)
                if fn & 1 == 0 {
                    repeat {
                        fn >>= 1
                        sn >>= 1
                    } while fn & 1 == 0 && fn != 0
                }
            } else {
                r = .node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0, r == root else { throw ProofError.rootMismatch }
    }
}
