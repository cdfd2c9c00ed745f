import PropertyBased
import Testing
import TransparencyLog

struct TilePathTests {
    /// x/mod's tile-path table (`sumdb/tlog/tlog_test.go`) without the height segment, plus tlog-tiles examples.
    @Test(arguments: [
        ("tile/0/001", Tile.Kind.hashes(level: 0), UInt64(1), 256),
        ("tile/0/001.p/5", .hashes(level: 0), 1, 5),
        ("tile/5/x123/x456/078", .hashes(level: 5), 123_456_078, 256),
        ("tile/5/x123/x456/078.p/2", .hashes(level: 5), 123_456_078, 2),
        ("tile/0/x003/x057/500", .hashes(level: 0), 3_057_500, 256),
        ("tile/entries/x003/x057/500", .entries, 3_057_500, 256),
        ("tile/2/x001/x234/067", .hashes(level: 2), 1_234_067, 256),
        ("tile/0/273.p/112", .hashes(level: 0), 273, 112),
        ("tile/1/001.p/17", .hashes(level: 1), 1, 17),
        ("tile/entries/000.p/255", .entries, 0, 255),
        ("tile/63/x018/x446/x744/x073/x709/x551/615", .hashes(level: 63), UInt64.max, 256),
    ])
    func pathsRoundTrip(path: String, kind: Tile.Kind, index: UInt64, width: Int) throws {
        let tile = try Tile(kind: kind, index: index, width: width)
        #expect(tile.path == path)
        #expect(try Tile(path: path) == tile)
    }

    @Test(arguments: [
        "tile/5/123/456/078", "tile/-1/123/456/078", "tile/1/data/x003/x057/500", "tile/64/000", "tile/01/000",
        "tile/+1/000", "tile/0/1", "tile/0/0001", "tile/0/x000/001", "tile/0/x1/001", "tile/0/001/x002",
        "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/05", "tile/0/000.p/+5", "tile/0/000.p", "tile/0/x000.p/5",
        "tile/0/000/", "tile/0/", "tile/0", "tiles/0/000", "/tile/0/000", "tile/entries", "", "tile/0/00\u{0661}",
        "tile/0/x018/x446/x744/x073/x709/x551/616", "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
    ])
    func malformedPathsAreRejected(path: String) {
        #expect(throws: TileError.malformedPath(path)) { try Tile(path: path) }
    }

    @Test func invalidCoordinates() {
        #expect(throws: TileError.invalidLevel(64)) { try Tile(kind: .hashes(level: 64), index: 0) }
        #expect(throws: TileError.invalidLevel(-1)) { try Tile(kind: .hashes(level: -1), index: 0) }
        #expect(throws: TileError.invalidWidth(0)) { try Tile(kind: .entries, index: 0, width: 0) }
        #expect(throws: TileError.invalidWidth(257)) { try Tile(kind: .entries, index: 0, width: 257) }
    }

    @Test func anyTileRoundTrips() async {
        await propertyCheck(
            count: 500,
            input: Gen.int(in: -1...63),
            Gen.uint64(in: 0...UInt64.max),
            Gen.int(in: 1...256)
        ) { level, index, width in
            let tile = try Tile(kind: level < 0 ? .entries : .hashes(level: level), index: index >> (index % 64), width: width)
            #expect(try Tile(path: tile.path) == tile)
        }
    }

    /// The tlog-tiles worked example: a tree of 70,000 leaves.
    @Test func tilesOfTheSpecExample() {
        let tiles = Tile.tilesToPublish(from: 0, to: 70_000)
        #expect(tiles.count == 273 + 1 + 1 + 1 + 1)
        #expect(tiles.filter { $0.kind == .hashes(level: 0) && !$0.isPartial }.map(\.index) == Array(0..<273))
        #expect(
            tiles.filter { $0.isPartial || $0.kind != .hashes(level: 0) }.map(\.path) == [
                "tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1",
            ]
        )
    }

    @Test func tilesToPublishAfterAnEarlierCheckpoint() throws {
        #expect(Tile.tilesToPublish(from: 0, to: 0).isEmpty)
        #expect(Tile.tilesToPublish(from: 7, to: 7).isEmpty)
        #expect(Tile.tilesToPublish(from: 0, to: 7).map(\.path) == ["tile/0/000.p/7"])
        #expect(Tile.tilesToPublish(from: 7, to: 300).map(\.path) == ["tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1"])
        #expect(Tile.tilesToPublish(from: 300, to: 512).map(\.path) == ["tile/0/001", "tile/1/000.p/2"])
        #expect(Tile.tilesToPublish(from: 512, to: 513).map(\.path) == ["tile/0/002.p/1"])
        #expect(try Tile.tilesToPublish(from: UInt64.max - 1, to: UInt64.max) == [Tile(kind: .hashes(level: 0), index: UInt64.max >> 8, width: 255)])
    }
}
