import ArgumentParser

public struct Quartermaster: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quartermaster",
        abstract: "Defence procurement: plans, tenders, sealed bids, awards and contracts, verifiable end to end.",
        subcommands: [
            Serve.self, Migrate.self, UserCommand.self, Verify.self, TlogCommand.self, ExportCommand.self, OCDSCommand.self, BenchCommand.self,
        ]
    )

    public init() {}
}

/// Where the embedded database lives.
struct DataOptions: ParsableArguments {
    @Option(help: "Directory holding the SQLite database and keys.")
    var dataDir: String = "quartermaster-data"

    var databasePath: String { dataDir + "/quartermaster.sqlite" }
}

/// The transparency log's identity.
struct LogOptions: ParsableArguments {
    @Option(help: "Origin line of the transparency log's checkpoints (a schemeless URL naming this log).")
    var logOrigin: String = "quartermaster.local/procurement-log"
}
