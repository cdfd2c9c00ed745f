/// Who publishes and under which terms: the package metadata and the ocid prefix of every contracting process.
public struct PublisherProfile: Sendable, Hashable {
    /// The prefix registered with the Open Contracting Partnership; `ocid` = prefix + "-" + tender id.
    public var ocidPrefix: String
    public var publisherName: String
    public var publisherScheme: String?
    public var publisherUID: String?
    /// The public base address of this server, without a trailing slash; package `uri`s are built from it.
    public var baseURI: String
    public var license: String

    public init(
        ocidPrefix: String,
        publisherName: String,
        publisherScheme: String? = nil,
        publisherUID: String? = nil,
        baseURI: String,
        license: String = "https://creativecommons.org/licenses/by/4.0/"
    ) {
        self.ocidPrefix = ocidPrefix
        self.publisherName = publisherName
        self.publisherScheme = publisherScheme
        self.publisherUID = publisherUID
        self.baseURI = baseURI
        self.license = license
    }

    /// The extensions every package declares: bids and lots (v1.1.5) and withheld information. (The bid opening
    /// extension is left out: its schema needs the location extension's `Location`; the opening is its own release.)
    public static let extensions = [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_withheldInformation_extension/master/extension.json",
    ]

    /// The ocid of a process.
    public func ocid(tender: String) -> String { "\(ocidPrefix)-\(tender)" }

    /// The tender id inside an ocid; `nil` when `ocid` does not carry this publisher's prefix.
    public func tenderID(ocid: String) -> String? {
        guard ocid.hasPrefix(ocidPrefix + "-") else { return nil }
        let id = ocid.dropFirst(ocidPrefix.count + 1)
        return id.isEmpty ? nil : String(id)
    }

    public var publicationPolicyURI: String { baseURI + "/ocds/publication-policy" }

    var publisher: OCDSValue {
        .object(
            OCDSObject.dropping([
                ("name", .string(publisherName)),
                ("scheme", publisherScheme.map(OCDSValue.string)),
                ("uid", publisherUID.map(OCDSValue.string)),
                ("uri", .string(baseURI)),
            ])
        )
    }
}
