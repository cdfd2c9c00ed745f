/// A stored-hash array held in memory.
public struct InMemoryHashStore: HashReader {
    public private(set) var hashes: [Hash] = []
    public private(set) var treeSize: UInt64 = 0

    public init() {}

    public mutating func append(leafHash: Hash) {
        let siblings = StoredHashLayout.siblingIndexes(appendingAt: treeSize).map { hashes[Int($0)] }
        hashes += StoredHashLayout.hashesToStore(appending: leafHash, siblings: siblings)
        treeSize += 1
    }

    public func readHashes(at indexes: [UInt64]) throws -> [Hash] {
        try indexes.map { index in
            guard index < hashes.count else { throw TreeError.hashNotStored(index: index) }
            return hashes[Int(index)]
        }
    }
}
