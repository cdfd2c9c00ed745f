import Testing
import TransparencyLog

struct TreeFrontierTests {
    /// From any starting size, appending through the frontier stores what the full in-memory store stores.
    @Test(arguments: [0, 1, 2, 3, 7, 8, 63, 64, 100, 255])
    func appendingThroughTheFrontierStoresWhatTheFullStoreStores(start: Int) async throws {
        let leaves = TestLog.small.leafHashes.prefix(300)
        var store = InMemoryHashStore()
        for leaf in leaves.prefix(start) { store.append(leafHash: leaf) }
        var frontier = try await TreeFrontier(size: UInt64(start), from: store)
        for leaf in leaves.dropFirst(start) {
            let (first, hashes) = frontier.append(leafHash: leaf)
            #expect(first == UInt64(store.hashes.count))
            store.append(leafHash: leaf)
            #expect(Array(store.hashes[Int(first)...]) == hashes)
            let root = try await store.treeHash(size: frontier.size)
            #expect(frontier.root == root)
        }
        #expect(frontier.size == UInt64(leaves.count))
        let root = try await store.treeHash(size: frontier.size)
        #expect(frontier.root == root)
        let reloaded = try await TreeFrontier(size: frontier.size, from: store)
        #expect(reloaded == frontier)
    }

    @Test func theRightEdgeHasOneHashPerBitOfTheSize() {
        #expect(TreeFrontier.indexes(size: 0) == [])
        #expect(TreeFrontier.indexes(size: 1) == [0])
        #expect(TreeFrontier.indexes(size: 4) == [6])
        // 7 leaves: leaf 6, the pair 4–5 and the four 0–3.
        #expect(TreeFrontier.indexes(size: 7) == [10, 9, 6])
    }
}
