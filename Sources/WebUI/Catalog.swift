import Foundation

/// The messages of one language, from `Messages/<language>.json`. Templates read them as `{{t.key}}`; Swift code asks
/// for them with parameters `{0}`, `{1}`, …
struct Catalog: Sendable {
    let messages: [String: String]

    static func load(_ language: Language) throws -> Catalog {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Messages") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Catalog(messages: try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url)))
    }

    /// A missing key shows as itself, so a gap is visible rather than blank; the catalogue test keeps them complete.
    subscript(_ key: String, _ arguments: String...) -> String {
        var text = messages[key] ?? key
        for (index, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: argument) }
        return text
    }

    /// The label of a coded value (`status.tendering`), or the code itself where the catalogue has none.
    func label(_ prefix: String, _ code: String) -> String { messages["\(prefix).\(code)"] ?? code }
}
