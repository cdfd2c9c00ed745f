/// The stored hashes on the right edge of a tree: one per 1-bit of its size, exactly the left siblings that
/// appending further leaves completes, and all that the tree's root needs. A writer that keeps them appends leaves
/// without reading the hash store.
public struct TreeFrontier: Sendable, Equatable {
    public private(set) var size: UInt64 = 0
    private var hashes: [UInt64: Hash] = [:]

    /// The empty tree's.
    public init() {}

    /// Reads the right edge of a tree of `size` leaves from `reader`.
    public init(size: UInt64, from reader: some HashReader) async throws {
        let indexes = Self.indexes(size: size)
        self.size = size
        hashes = Dictionary(uniqueKeysWithValues: zip(indexes, try await reader.readExactly(indexes)))
    }

    /// The stored-hash indexes of the complete subtrees on the right edge of a tree of `size` leaves.
    public static func indexes(size: UInt64) -> [UInt64] {
        (0..<(64 - size.leadingZeroBitCount)).filter { size & (1 << $0) != 0 }.map { StoredHashLayout.index(level: $0, n: (size >> $0) - 1) }
    }

    /// Appends a leaf: returns the hashes to store from stored index `first` on (its leaf hash and the parents it
    /// completes). The subtrees it completes leave the edge and the highest one joins it.
    public mutating func append(leafHash: Hash) -> (first: UInt64, hashes: [Hash]) {
        let siblings = StoredHashLayout.siblingIndexes(appendingAt: size).map(hash)
        let stored = StoredHashLayout.hashesToStore(appending: leafHash, siblings: siblings)
        let top = stored.count - 1
        for level in 0..<top { hashes[StoredHashLayout.index(level: level, n: (size >> level) - 1)] = nil }
        hashes[StoredHashLayout.index(level: top, n: size >> top)] = stored[top]
        size += 1
        return (StoredHashLayout.index(level: 0, n: size - 1), stored)
    }

    /// The tree's root (RFC 6962 MTH) from the right edge alone: each complete subtree, highest first, is the left
    /// child over the root of the smaller ones after it.
    public var root: Hash {
        let edge = Self.indexes(size: size).map(hash)
        guard var root = edge.first else { return .emptyTree }
        for subtree in edge.dropFirst() { root = .node(subtree, root) }
        return root
    }

    private func hash(at index: UInt64) -> Hash {
        guard let hash = hashes[index] else { preconditionFailure("right edge of a tree of \(size) lacks stored hash \(index)") }
        return hash
    }
}
