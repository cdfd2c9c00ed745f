import ArgumentParser
import Storage

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

/// Where the data lives: the data directory (keys, and the embedded SQLite database) or a PostgreSQL database.
struct DataOptions: ParsableArguments {
    @Option(help: "Directory holding the SQLite database and keys.")
    var dataDir: String = "quartermaster-data"
    @Option(
        help: ArgumentHelp(
            "A PostgreSQL database (postgres://user:password@host:port/database) to use instead of the SQLite file; keys stay in --data-dir.",
            valueName: "url"
        )
    )
    var database: String?

    func validate() throws {
        do { _ = try location() } catch let error as StorageError { throw ValidationError("--database: \(error)") }
    }

    func location() throws -> DatabaseLocation {
        try database.map { try DatabaseLocation(url: $0) } ?? .sqlite(path: dataDir + "/quartermaster.sqlite")
    }
}

/// The transparency log's identity.
struct LogOptions: ParsableArguments {
    @Option(help: "Origin line of the transparency log's checkpoints (a schemeless URL naming this log).")
    var logOrigin: String = "quartermaster.local/procurement-log"
}
