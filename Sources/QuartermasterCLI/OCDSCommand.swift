import ArgumentParser
import Foundation
import OpenContracting

/// `quartermaster ocds compile`: a drop-in for `ocdskit compile` on anyone's OCDS data.
struct OCDSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Work with Open Contracting Data Standard data.",
        subcommands: [Compile.self]
    )

    struct Compile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read release packages and releases on stdin, merge them by ocid, print compiled releases.",
            discussion: """
                Reads JSON (concatenated values or JSON Lines; arrays are flattened) and prints one compiled release per \
                ocid, in ocid order, per the OCDS merge routine, with the same output as `ocdskit compile` (ocdsmerge \
                0.8). The merge rules come from the bundled OCDS 1.1.5 release schema with the bids, lots and \
                withheld-information extensions, or from --schema.
                """
        )

        @Option(help: ArgumentHelp("A patched release schema to take the merge rules from.", valueName: "path")) var schema: String?
        @Flag(help: "Wrap the compiled releases in a record package.") var package = false
        @Flag(help: "With --package, use linked releases instead of full releases where the input package has a uri.")
        var linkedReleases = false
        @Flag(help: "With --package, include versioned releases; otherwise print versioned releases instead of compiled ones.")
        var versioned = false
        @Option(help: "With --package, the record package's uri.") var uri = ""
        @Option(help: "With --package, the record package's publishedDate.") var publishedDate = ""
        @Option(help: "With --package, the record package's version.") var version = "1.1"
        @Option(help: "With --package, the publisher's name.") var publisherName = ""
        @Option(help: "With --package, the publisher's uri.") var publisherURI = ""
        @Option(help: "With --package, the publisher's scheme.") var publisherScheme = ""
        @Option(help: "With --package, the publisher's uid.") var publisherUID = ""

        func run() async throws {
            let merger =
                try schema.map { try Merger(schema: OCDSValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: $0))))) }
                ?? ReleaseSchema.shared.get()
            var compilation = Compilation(merger: merger)
            for value in try OCDSValue.parseSequence(FileHandle.standardInput.readDataToEndOfFile()) {
                try compilation.add(value)
            }
            let options = options
            let stdout = FileHandle.standardOutput
            if options.package {
                var head = OCDSValue.object(compilation.recordPackageMetadata(options)).jsonBytes()
                head.removeLast()  // the closing brace: the records follow
                stdout.write(Data(head + Array(",\"records\":[".utf8)))
            }
            let compiled = compilation
            try await OrderedChunks.run(compilation.ocids, chunkSize: 256) { ocids, isFirst in
                var bytes: [UInt8] = []
                for (offset, ocid) in ocids.enumerated() {
                    if options.package, !(isFirst && offset == 0) { bytes.append(UInt8(ascii: ",")) }
                    try compiled.output(for: ocid, options).write(to: &bytes)
                    if !options.package { bytes.append(UInt8(ascii: "\n")) }
                }
                return bytes
            } write: {
                stdout.write(Data($0))
            }
            if options.package { stdout.write(Data("]}\n".utf8)) }
            // Done: end the process without tearing down the parsed input, which takes longer than compiling it.
            Foundation.exit(EXIT_SUCCESS)
        }

        var options: Compilation.Options {
            var options = Compilation.Options()
            options.versioned = versioned
            options.package = package
            options.linkedReleases = linkedReleases
            options.uri = uri
            options.publishedDate = publishedDate
            options.version = version
            let publisher = [("name", publisherName), ("uri", publisherURI), ("scheme", publisherScheme), ("uid", publisherUID)]
                .filter { !$0.1.isEmpty }.map { ($0.0, OCDSValue.string($0.1)) }
            options.publisher = publisher.isEmpty ? nil : OCDSObject(publisher)
            return options
        }
    }
}
