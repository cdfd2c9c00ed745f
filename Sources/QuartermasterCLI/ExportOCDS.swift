import ArgumentParser
import Foundation
import OpenContracting
import Procurement
import Server
import Storage

/// `quartermaster export ocds`: the public OCDS data as bulk files, one process at a time.
struct ExportOCDS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Write the public OCDS data as bulk files.",
        discussion: """
            Writes into OUT: releases.jsonl (one release per line), release-package.json (all releases in one package), \
            compiled-releases.jsonl (one compiled release per process) and record-package.json (every process's record \
            with its releases, compiled and versioned release). Exactly what an anonymous reader of /ocds sees: \
            withheld fields stay out. Processes are read and written one at a time, so memory stays bounded; files \
            appear under their names only when complete. Safe to run against a live server's data directory.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var publication: PublicationOptions
    @Option(help: ArgumentHelp("Directory to write into (created if needed).", valueName: "dir")) var out: String

    func run() async throws {
        let profile = publication.profile(defaultURL: PublisherProfile.demo.baseURI)
        let merger = try ReleaseSchema.shared.get()
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let summary = try await Store.with(data, migrate: false) { database in
            let ledger = Ledger(database: database, time: SystemTime())
            let catalog = ReleaseCatalog(ledger: ledger, log: LogStore(database: database), profile: profile)
            let organizations = try await catalog.ledger.organizationsByID()
            let tenders = try await publicTenders(ledger)
            let now = Date()
            let files = try BulkFiles(directory: directory, profile: profile, publishedDate: now)
            var progress = Progress(total: tenders.count)
            for tender in tenders {
                let releases = try await catalog.releases(of: tender, viewer: .anonymous, organizations: organizations)
                if !releases.isEmpty {
                    try files.write(
                        releases: releases,
                        record: merger.record(ocid: profile.ocid(tender: tender.rawValue), releases: releases),
                        compiled: merger.compiled(releases)
                    )
                }
                progress.advance()
            }
            try files.finish()
            return "exported \(files.releaseCount) releases of \(files.recordCount) processes to \(directory.path)"
        }
        print(summary)
    }

    /// Every tender an anonymous reader may see, in id order (the order of ocids).
    func publicTenders(_ ledger: Ledger) async throws -> [TenderID] {
        var ids: [TenderID] = []
        let page = 500
        while true {
            let batch = try await ledger.tenders(TenderFilter(limit: page, offset: ids.count), viewer: .anonymous)
            ids += batch.map(\.id)
            if batch.count < page { break }
        }
        return ids.sorted()
    }
}

/// A progress bar on standard error, drawn only on a terminal.
struct Progress {
    let total: Int
    private var done = 0
    private let visible = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    mutating func advance() {
        done += 1
        guard visible else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}
