import ArgumentParser
import QuartermasterCLI

do {
    var command = try Quartermaster.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
} catch {
    Quartermaster.exit(withError: error)
}
