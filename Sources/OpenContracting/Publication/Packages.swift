import Foundation
import Procurement

extension PublisherProfile {
    /// The members every package of this publisher carries before its `releases` or `records`.
    public func packageMetadata(uri: String, publishedDate: Date) -> OCDSObject {
        .dropping([
            ("uri", .string(uri)),
            ("version", "1.1"),
            ("extensions", .array(Self.extensions.map(OCDSValue.string))),
            ("publishedDate", .date(publishedDate)),
            ("publisher", publisher),
            ("license", .string(license)),
            ("publicationPolicy", .string(publicationPolicyURI)),
        ])
    }

    public func releasePackage(uri: String, publishedDate: Date, releases: [OCDSValue]) -> OCDSValue {
        var package = packageMetadata(uri: uri, publishedDate: publishedDate)
        package["releases"] = .array(releases)
        return .object(package)
    }

    public func recordPackage(uri: String, publishedDate: Date, records: [OCDSValue]) -> OCDSValue {
        var package = packageMetadata(uri: uri, publishedDate: publishedDate)
        package["records"] = .array(records)
        return .object(package)
    }
}
