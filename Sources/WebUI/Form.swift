import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body.
struct Form: Sendable {
    let fields: [(String, String)]

    static func read(_ request: Request) async throws -> Form {
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        return Form(encoded: String(buffer: buffer))
    }

    init(encoded: String) {
        fields = encoded.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    subscript(_ name: String) -> String { fields.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Fields named `prefix.key`, by key, in form order.
    func group(_ prefix: String) -> [(key: String, value: String)] {
        fields.filter { $0.0.hasPrefix(prefix + ".") }.map { (String($0.0.dropFirst(prefix.count + 1)), $0.1.trimmingCharacters(in: .whitespaces)) }
    }
}
