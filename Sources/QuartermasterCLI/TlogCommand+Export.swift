import ArgumentParser
import Foundation
import Storage
import TransparencyLog

extension TlogCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the static tlog-tiles tree of the latest signed checkpoint.",
            discussion: """
                Writes OUT/checkpoint (the signed note as stored), every hash tile tile/<L>/<N>[.p/<W>] and every entry \
                bundle tile/entries/<N>[.p/<W>] that checkpoint needs, the partial tiles of each older checkpoint that \
                no full tile has replaced yet (tlog-tiles: a log serves the partial tiles of every size it has \
                checkpointed), OUT/vkey, and a proofs file in the format of shared/tools/tlog-oracle: the vkey, origin \
                and tree size, the inclusion proof of a sample leaf and, with --old-checkpoint, the consistency proof \
                from that checkpoint (copied next to the proofs file as checkpoint.<size>). Each further sample leaf \
                gets its own file, PROOFS with .leaf-<index>.json in place of .json.

                Tiles are read and written one at a time, so memory stays bounded whatever the log's size; files are \
                replaced atomically and the checkpoint is written last. Before writing, the checkpoint's signature is \
                checked against the log key and its root against the stored hashes; every entry is checked against \
                its level-0 tile hash and every proof with our verifier. Safe to run against a live server's data \
                directory. Exporting again into the same directory updates it; one holding another log's export, or \
                a larger checkpoint, is refused.
                """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var log: LogOptions
        @Option(help: ArgumentHelp("Directory to write into (created if needed).", valueName: "dir")) var out: String
        @Option(help: ArgumentHelp("Where to write the oracle's proofs file (default: OUT/proofs.json).", valueName: "file"))
        var proofs: String?
        @Option(help: ArgumentHelp("A leaf to prove (repeatable; default: the middle, first and last leaves).", valueName: "index"))
        var leafIndex: [UInt64] = []
        @Option(help: ArgumentHelp("An older signed checkpoint of this log to prove the latest one consistent with.", valueName: "file"))
        var oldCheckpoint: String?

        func run() async throws {
            let key = try TlogCommand.verifierKey(dataDir: data.dataDir, origin: log.logOrigin)
            let location = try data.location()
            guard !location.isMissing else { throw TlogError("no database at \(location)") }
            let outURL = URL(fileURLWithPath: out, isDirectory: true)
            let proofsURL = proofs.map { URL(fileURLWithPath: $0) } ?? outURL.appendingPathComponent("proofs.json")
            let old = try oldCheckpoint.map { path -> (note: String, checkpoint: Checkpoint) in
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let note = try SignedNote(parsing: Array(text.utf8))
                _ = try note.verify(with: [key])
                return (text, try Checkpoint(parsing: note.text))
            }
            let summary = try await Store.with(data, migrate: false) { database in
                let exporter = TileTreeExporter(database: database, key: key, out: outURL)
                return try await exporter.export(sampleLeaves: leafIndex, proofsFile: proofsURL, old: old)
            }
            print(summary)
        }
    }
}
