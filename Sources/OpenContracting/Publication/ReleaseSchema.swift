import Foundation

/// The OCDS 1.1.5 release schema with the bids and lots (v1.1.5) and withheld information extensions
/// applied (JSON merge patch, as ocdsextensionregistry builds it), bundled so that merging never goes online.
public enum ReleaseSchema {
    public enum LoadError: Error, CustomStringConvertible {
        case missing

        public var description: String { "the bundled release schema is missing from the OpenContracting resources" }
    }

    public static func bundled() throws -> OCDSValue {
        guard let url = Bundle.module.url(forResource: "release-schema", withExtension: "json") else { throw LoadError.missing }
        return try OCDSValue(parsing: Array(try Data(contentsOf: url)))
    }

    /// A merger for the publication's releases (and, by default, for `ocds compile`), built once.
    public static let shared = Result { try Merger(schema: bundled()) }
}
