import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write bulk open data files.",
        subcommands: [ExportOCDS.self]
    )
}
