import TransparencyLog

/// A log of `size` leaves "leaf 0", "leaf 1", …, as in x/mod's tests.
struct TestLog: Sendable {
    let leafHashes: [Hash]
    let store: InMemoryHashStore

    init(size: Int) {
        leafHashes = (0..<size).map { Hash.leaf(Array("leaf \($0)".utf8)) }
        var store = InMemoryHashStore()
        for leafHash in leafHashes { store.append(leafHash: leafHash) }
        self.store = store
    }

    static let small = TestLog(size: 600)
    static let medium = TestLog(size: 3000)
}
