import Testing
import TransparencyLog

struct StoredHashLayoutTests {
    /// A naive recursive MTH agrees with the stored-hash tree hash for every size up to 2,000.
    @Test func treeHashMatchesTheRecursiveDefinition() async throws {
        let log = TestLog.medium
        var reference = ReferenceMerkle(leaves: log.leafHashes)
        for size in 0...2000 {
            let expected = reference.mth(0..<size)
            let root = try await log.store.treeHash(size: UInt64(size))
            #expect(root == expected, "size \(size)")
        }
    }

    @Test func indexesMatchXMod() {
        #expect((0..<8).map { StoredHashLayout.index(level: 0, n: $0) } == [0, 1, 3, 4, 7, 8, 10, 11])
        #expect((0..<4).map { StoredHashLayout.index(level: 1, n: $0) } == [2, 5, 9, 12])
        #expect(StoredHashLayout.index(level: 2, n: 0) == 6)
        #expect(StoredHashLayout.index(level: 3, n: 0) == 14)
        #expect((0...8).map { StoredHashLayout.count(treeSize: $0) } == [0, 1, 3, 4, 7, 8, 10, 11, 15])
    }

    @Test func readersMustReturnOneHashPerIndex() async throws {
        struct ShortReader: HashReader {
            func readHashes(at indexes: [UInt64]) -> [Hash] { [] }
        }
        await #expect(throws: TreeError.wrongHashCount(expected: 2, actual: 0)) {
            try await ShortReader().treeHash(size: 3)
        }
        await #expect(throws: TreeError.hashNotStored(index: StoredHashLayout.index(level: 3, n: 0))) {
            try await TestLog(size: 7).store.treeHash(size: 8)
        }
    }
}
