import Foundation
import OpenContracting

/// Access to the test fixtures (copied into the test bundle).
enum Fixtures {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    static var mergeFixtures: URL { root.appendingPathComponent("merge-fixtures") }

    static func json(_ url: URL) throws -> OCDSValue {
        try OCDSValue(parsing: Data(contentsOf: url))
    }

    static func json(_ relativePath: String) throws -> OCDSValue {
        try json(root.appendingPathComponent(relativePath))
    }
}

extension OCDSValue {
    /// Pretty JSON with sorted keys, for readable failure messages.
    var debugJSON: String { jsonString(JSONWriteOptions(indent: 2, sortKeys: true)) }
}
