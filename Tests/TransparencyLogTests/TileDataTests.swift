import Testing
import TransparencyLog

struct TileDataTests {
    let log = TestLog.small

    func hashes(_ data: [UInt8]) -> [Hash] {
        stride(from: 0, to: data.count, by: Hash.byteCount).map { Hash(bytes: data[$0..<$0 + Hash.byteCount])! }
    }

    @Test func levelZeroTilesHoldTheLeafHashes() async throws {
        let full = try await log.store.tileData(for: Tile(kind: .hashes(level: 0), index: 1), treeSize: 600)
        #expect(full.count == 256 * 32)
        #expect(hashes(full) == Array(log.leafHashes[256..<512]))
        let partial = try await log.store.tileData(for: Tile(kind: .hashes(level: 0), index: 2, width: 88), treeSize: 600)
        #expect(hashes(partial) == Array(log.leafHashes[512..<600]))
        let older = try await log.store.tileData(for: Tile(kind: .hashes(level: 0), index: 2, width: 5), treeSize: 600)
        #expect(older == Array(partial.prefix(5 * 32)))
    }

    @Test func levelOneTilesHoldSubtreesOf256Leaves() async throws {
        var reference = ReferenceMerkle(leaves: log.leafHashes)
        let data = try await log.store.tileData(for: Tile(kind: .hashes(level: 1), index: 0, width: 2), treeSize: 600)
        #expect(hashes(data) == [reference.mth(0..<256), reference.mth(256..<512)])
        let level0 = try await log.store.tileData(for: Tile(kind: .hashes(level: 0), index: 1), treeSize: 600)
        var tileTree = ReferenceMerkle(leaves: hashes(level0))
        #expect(tileTree.mth(0..<256) == hashes(data)[1])
    }

    @Test func tilesOutsideTheTreeAreRefused() async throws {
        let store = log.store
        for (tile, size) in [
            (try Tile(kind: .hashes(level: 0), index: 2, width: 89), UInt64(600)),
            (try Tile(kind: .hashes(level: 0), index: 2), 600),
            (try Tile(kind: .hashes(level: 1), index: 0, width: 3), 600),
            (try Tile(kind: .hashes(level: 0), index: 0, width: 8), 7),
            (try Tile(kind: .hashes(level: 8), index: 0), UInt64.max),
            (try Tile(kind: .hashes(level: 0), index: UInt64.max), UInt64.max),
        ] {
            await #expect(throws: TreeError.tileOutsideTree(path: tile.path, treeSize: size)) {
                try await store.tileData(for: tile, treeSize: size)
            }
        }
        let entries = try Tile(kind: .entries, index: 0)
        await #expect(throws: TreeError.notAHashTile(path: "tile/entries/000")) {
            try await store.tileData(for: entries, treeSize: 600)
        }
        await #expect(throws: TreeError.hashNotStored(index: StoredHashLayout.index(level: 0, n: 600))) {
            try await store.tileData(for: Tile(kind: .hashes(level: 0), index: 2, width: 89), treeSize: 601)
        }
    }
}
