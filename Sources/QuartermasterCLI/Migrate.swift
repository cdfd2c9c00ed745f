import ArgumentParser
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var data: DataOptions
    @Flag(help: "List pending migrations without applying them.")
    var dryRun = false

    func run() async throws {
        try await Store.with(data, migrate: false) { database in
            let migrator = Migrator(database: database)
            let names = dryRun ? try await migrator.pending() : try await migrator.migrate()
            print(names.isEmpty ? "schema is up to date" : (dryRun ? "pending: " : "applied: ") + names.joined(separator: ", "))
        }
    }
}
