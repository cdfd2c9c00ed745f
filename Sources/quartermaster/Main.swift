import ArgumentParser
import QuartermasterCLI

@main
struct Main: AsyncParsableCommand {
    static let configuration = Quartermaster.configuration
}
