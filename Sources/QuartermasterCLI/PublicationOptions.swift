import ArgumentParser
import OpenContracting
import Server

/// Who publishes the OCDS data: the registered ocid prefix and the public address packages point to.
struct PublicationOptions: ParsableArguments {
    @Option(help: "The ocid prefix registered with the Open Contracting Partnership (ocds- and six lowercase letters or digits).")
    var ocidPrefix: String = PublisherProfile.demo.ocidPrefix
    @Option(help: "The public base URL of this server, used in package URIs (default: the address it listens on).")
    var publicURL: String?
    @Option(help: "The publisher's name in OCDS packages.")
    var publisherName: String = PublisherProfile.demo.publisherName

    func validate() throws {
        guard ocidPrefix.wholeMatch(of: /ocds-[a-z0-9]{6}/) != nil else {
            throw ValidationError("--ocid-prefix must be ocds- followed by six lowercase letters or digits, e.g. ocds-be6bcu")
        }
        guard let publicURL else { return }
        guard publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://"), !publicURL.hasSuffix("/") else {
            throw ValidationError("--public-url must be an http(s) URL without a trailing slash")
        }
    }

    func profile(defaultURL: String) -> PublisherProfile {
        PublisherProfile(ocidPrefix: ocidPrefix, publisherName: publisherName, baseURI: publicURL ?? defaultURL)
    }
}
