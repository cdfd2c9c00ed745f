import Foundation
import SQLKit
import Storage
import TransparencyLog

/// Writes the tlog-tiles tree of the latest signed checkpoint into a directory, one tile at a time.
struct TileTreeExporter {
    let database: any Database
    let key: NoteVerifierKey
    let out: URL
    private let store: LogStore

    init(database: any Database, key: NoteVerifierKey, out: URL) {
        self.database = database
        self.key = key
        self.out = out
        self.store = LogStore(database: database)
    }

    /// What one export wrote.
    struct Summary: CustomStringConvertible {
        var checkpoint: Checkpoint
        var out: URL
        var fullTiles = 0
        var partialTiles = 0
        var fullBundles = 0
        var partialBundles = 0
        var olderPartials = 0
        var proofFiles: [URL] = []
        var oldSize: UInt64?

        var description: String {
            var lines = [
                "tlog export: \(checkpoint.origin) size \(checkpoint.size) root \(checkpoint.root.base64) -> \(out.path)",
                "  hash tiles: \(fullTiles) full, \(partialTiles) partial; entry bundles: \(fullBundles) full, \(partialBundles) partial"
                    + " (\(olderPartials) of the partial files kept for older checkpoints)",
            ]
            lines += proofFiles.map { "  proofs: \($0.path)" }
            if let oldSize { lines.append("  consistency: \(oldSize) -> \(checkpoint.size), old checkpoint copied as checkpoint.\(oldSize)") }
            return lines.joined(separator: "\n")
        }
    }

    func export(sampleLeaves: [UInt64], proofsFile: URL, old: (note: String, checkpoint: Checkpoint)?) async throws -> Summary {
        guard let latest = try await store.latestCheckpoint() else {
            throw TlogError("the log has no signed checkpoint yet; `quartermaster serve` signs one at start-up")
        }
        let checkpoint = try Checkpoint(parsing: try Self.verifiedNote(latest.note, key: key).text)
        guard checkpoint.size == latest.size, checkpoint.origin.utf8.elementsEqual(key.name.utf8) else {
            throw TlogError("the checkpoint stored for size \(latest.size) says \(checkpoint.origin), size \(checkpoint.size)")
        }
        let size = checkpoint.size
        let root = try await store.withHashes { try await $0.treeHash(size: size) }
        guard root == checkpoint.root else {
            throw TlogError("the stored hashes give root \(root.base64) for size \(size), the signed checkpoint says \(checkpoint.root.base64)")
        }
        try checkEarlierExport(size: size)
        // Proofs first: a bad --leaf-index or an old checkpoint from another history fails before anything is written.
        let proofFiles = try await proofFiles(checkpoint, sampleLeaves: sampleLeaves, file: proofsFile, old: old)
        var summary = Summary(checkpoint: checkpoint, out: out)

        // The partial tiles of older checkpoints whose full tile does not exist yet at `size`.
        var olderSizes = Set(try await checkpointSizes().filter { $0 < size })
        if let old, old.checkpoint.size < size { olderSizes.insert(old.checkpoint.size) }
        let current = Set(Self.partialTiles(treeSize: size))
        let older = Set(olderSizes.flatMap { Self.partialTiles(treeSize: $0) }.filter { Self.isStillPartial($0, size) }).subtracting(current)

        for level in 0..<(UInt64.bitWidth / Tile.height) {
            let count = size >> (level * Tile.height)
            guard count > 0 else { break }
            for index in 0..<(count >> UInt64(Tile.height)) {
                try await exportTile(try Tile(kind: .hashes(level: level), index: index), treeSize: size, into: &summary)
            }
            let partials = (current.filter { $0.kind == .hashes(level: level) } + older.filter { $0.kind == .hashes(level: level) })
            for tile in partials.sorted(by: { $0.width < $1.width }) {
                try await exportTile(tile, treeSize: size, into: &summary)
                if older.contains(tile) { summary.olderPartials += level == 0 ? 2 : 1 }
            }
        }

        for (url, bytes) in proofFiles { try write(bytes, at: url) }
        summary.proofFiles = proofFiles.map(\.url).filter { $0.pathExtension == "json" }
        summary.oldSize = old?.checkpoint.size
        try write(Array((key.encoded + "\n").utf8), to: "vkey")
        try write(Array(latest.note.utf8), to: "checkpoint")
        return summary
    }

    /// Exporting into a directory that already holds an export is an update (its older partial tiles stay, as
    /// tlog-tiles wants), but only from an earlier checkpoint of the same log: never mix two logs, never roll back.
    private func checkEarlierExport(size: UInt64) throws {
        let path = out.appendingPathComponent("checkpoint").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        guard let earlier = try? Checkpoint(parsing: try Self.verifiedNote(text, key: key).text) else {
            throw TlogError("\(path) is not a checkpoint signed by \(key.name); export into an empty directory")
        }
        guard earlier.size <= size else {
            throw TlogError("\(path) has size \(earlier.size), larger than the latest checkpoint (\(size)); refusing to roll back")
        }
    }

    /// Writes one hash tile and, at level 0, its entry bundle.
    private func exportTile(_ tile: Tile, treeSize: UInt64, into summary: inout Summary) async throws {
        let hashes = try await store.withHashes { try await $0.tileData(for: tile, treeSize: treeSize) }
        try write(hashes, to: tile.path)
        if tile.isPartial { summary.partialTiles += 1 } else { summary.fullTiles += 1 }
        guard tile.kind == .hashes(level: 0) else { return }
        try await writeBundle(for: tile, hashes: hashes)
        if tile.isPartial { summary.partialBundles += 1 } else { summary.fullBundles += 1 }
    }

    /// The entry bundle for a level-0 tile, after checking that each entry hashes to the tile's hash for it.
    private func writeBundle(for tile: Tile, hashes: [UInt8]) async throws {
        let first = tile.index * UInt64(Tile.fullWidth)
        let entries = try await store.entries(from: first, count: tile.width)
        guard entries.count == tile.width else {
            throw TlogError("leaves \(first)..<\(first + UInt64(tile.width)): \(entries.count) stored, \(tile.width) expected")
        }
        for (offset, entry) in entries.enumerated() where Hash(bytes: hashes[(offset * 32)..<(offset * 32 + 32)]) != Hash.leaf(entry) {
            throw TlogError("leaf \(first + UInt64(offset)) does not hash to its stored leaf hash")
        }
        let bundle = try EntryBundle(entries: entries)
        try write(bundle.encoded, to: try Tile(kind: .entries, index: tile.index, width: tile.width).path)
    }

    /// The oracle's proofs file for the first sample leaf, one per further sample leaf, and the old checkpoint's copy.
    private func proofFiles(
        _ checkpoint: Checkpoint,
        sampleLeaves: [UInt64],
        file: URL,
        old: (note: String, checkpoint: Checkpoint)?
    )
        async throws -> [(url: URL, bytes: [UInt8])]
    {
        var files: [(url: URL, bytes: [UInt8])] = []
        let size = checkpoint.size
        var consistency: [String]?
        if let old {
            let oldSize = old.checkpoint.size
            guard old.checkpoint.origin.utf8.elementsEqual(checkpoint.origin.utf8), oldSize <= size else {
                throw TlogError("the old checkpoint (\(old.checkpoint.origin), size \(oldSize)) is not an earlier checkpoint of this log")
            }
            guard oldSize > 0 else { throw TlogError("the old checkpoint is of the empty tree: every tree extends it, there is nothing to prove") }
            let (oldRoot, proof) = try await store.withHashes { reader in
                (try await reader.treeHash(size: oldSize), try await reader.consistencyProof(oldSize: oldSize, newSize: size))
            }
            guard oldRoot == old.checkpoint.root else {
                throw TlogError("FORK: the old checkpoint has root \(old.checkpoint.root.base64) for size \(oldSize), the log has \(oldRoot.base64)")
            }
            try proof.verify(oldRoot: oldRoot, newRoot: checkpoint.root)
            consistency = proof.hashes.map(\.base64)
            files.append((file.deletingLastPathComponent().appendingPathComponent("checkpoint.\(oldSize)"), Array(old.note.utf8)))
        }

        var leaves: [UInt64] = []
        for index in sampleLeaves.isEmpty && size > 0 ? [size / 2, 0, size - 1] : sampleLeaves where !leaves.contains(index) {
            guard index < size else { throw TlogError("--leaf-index \(index) is not below the tree size \(size)") }
            leaves.append(index)
        }
        for (position, index) in (leaves.isEmpty ? [nil] : leaves.map(Optional.some)).enumerated() {
            var proofs = OracleProofs(vkey: key.encoded, origin: checkpoint.origin, treeSize: size)
            if let index {
                guard let entry = try await store.entries(from: index, count: 1).first else { throw TlogError("leaf \(index) is not stored") }
                let proof = try await store.withHashes { try await $0.inclusionProof(leafIndex: index, treeSize: size) }
                try proof.verify(leafHash: .leaf(entry), root: checkpoint.root)
                proofs.leafIndex = index
                proofs.leafB64 = Data(entry).base64EncodedString()
                proofs.inclusion = proof.hashes.map(\.base64)
            }
            proofs.oldSize = old?.checkpoint.size
            proofs.consistency = consistency
            let target =
                position == 0
                ? file : file.deletingPathExtension().appendingPathExtension("leaf-\(index ?? 0)").appendingPathExtension(file.pathExtension)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append((target, Array(try encoder.encode(proofs)) + [0x0A]))
        }
        return files
    }

    /// The sizes of every checkpoint the log has signed.
    private func checkpointSizes() async throws -> [UInt64] {
        try await database.read { sql in
            try await sql.raw("SELECT size FROM tlog_checkpoints ORDER BY size").all().map { UInt64(try $0.decode(column: "size", as: Int64.self)) }
        }
    }

    /// The partial hash tiles (one per level with a remainder) of a tree of `treeSize` leaves.
    static func partialTiles(treeSize: UInt64) -> [Tile] {
        var tiles: [Tile] = []
        for level in 0..<(UInt64.bitWidth / Tile.height) {
            let count = treeSize >> (level * Tile.height)
            guard count > 0 else { break }
            let width = Int(count % UInt64(Tile.fullWidth))
            if width > 0, let tile = try? Tile(kind: .hashes(level: level), index: count >> UInt64(Tile.height), width: width) {
                tiles.append(tile)
            }
        }
        return tiles
    }

    /// Whether the full tile at `tile`'s position is still incomplete at `size`, so its partial tiles must be kept.
    static func isStillPartial(_ tile: Tile, _ size: UInt64) -> Bool {
        guard case .hashes(let level) = tile.kind else { return false }
        return (size >> (level * Tile.height)) >> UInt64(Tile.height) == tile.index
    }

    static func verifiedNote(_ text: String, key: NoteVerifierKey) throws -> SignedNote {
        let note = try SignedNote(parsing: Array(text.utf8))
        _ = try note.verify(with: [key])
        return note
    }

    private func write(_ bytes: [UInt8], to relativePath: String) throws {
        try write(bytes, at: out.appendingPathComponent(relativePath))
    }

    private func write(_ bytes: [UInt8], at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }
}

/// The proofs file of `shared/tools/tlog-oracle` (its README): only `vkey` is required.
struct OracleProofs: Encodable {
    var vkey: String
    var origin: String
    var treeSize: UInt64
    var leafIndex: UInt64?
    var leafB64: String?
    var inclusion: [String]?
    var oldSize: UInt64?
    var consistency: [String]?

    enum CodingKeys: String, CodingKey {
        case vkey, origin, inclusion, consistency
        case treeSize = "tree_size"
        case leafIndex = "leaf_index"
        case leafB64 = "leaf_b64"
        case oldSize = "old_size"
    }
}
