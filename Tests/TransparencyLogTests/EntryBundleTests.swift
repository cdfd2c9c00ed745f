import Testing
import TransparencyLog

struct EntryBundleTests {
    @Test func roundTripsAndHashesToTheLevelZeroTile() async throws {
        let entries = (512..<600).map { Array("leaf \($0)".utf8) }
        let bundle = try EntryBundle(entries: entries)
        #expect(bundle.encoded.prefix(2) == [0x00, 0x08])
        #expect(bundle.encoded.count == entries.reduce(0) { $0 + 2 + $1.count })
        #expect(try EntryBundle(parsing: bundle.encoded) == bundle)

        let tile = try await TestLog.small.store.tileData(for: Tile(kind: .hashes(level: 0), index: 2, width: 88), treeSize: 600)
        #expect(bundle.entries.flatMap { Hash.leaf($0).bytes } == tile)
    }

    @Test func entryLengthsUpTo65535() throws {
        let largest = [UInt8](repeating: 0xAB, count: EntryBundle.maxEntryLength)
        let bundle = try EntryBundle(entries: [[], largest])
        #expect(bundle.encoded.prefix(4) == [0x00, 0x00, 0xFF, 0xFF])
        #expect(try EntryBundle(parsing: bundle.encoded).entries == [[], largest])
        #expect(throws: EntryBundleError.entryTooLong(index: 1, length: 65536)) {
            try EntryBundle(entries: [[], largest + [0]])
        }
    }

    @Test func rejectsMalformedBundles() {
        #expect(throws: EntryBundleError.truncated) { try EntryBundle(parsing: [0x00]) }
        #expect(throws: EntryBundleError.truncated) { try EntryBundle(parsing: [0x00, 0x02, 0x61]) }
        #expect(throws: EntryBundleError.invalidEntryCount(0)) { try EntryBundle(parsing: []) }
        #expect(throws: EntryBundleError.invalidEntryCount(257)) {
            try EntryBundle(entries: Array(repeating: [], count: 257))
        }
    }
}
