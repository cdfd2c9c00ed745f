import Foundation

/// All dated procedure rules. A procedure uses the rules in force on the day it starts, and keeps them.
public struct RuleBook: Sendable {
    public let entries: [MethodRules]

    public init(entries: [MethodRules]) throws {
        for entry in entries where Self.day(entry.effectiveFrom) == nil {
            throw DomainError.invalidField(
                field: "effectiveFrom",
                code: "invalid-date",
                reason: "\(entry.effectiveFrom) is not a YYYY-MM-DD date"
            )
        }
        self.entries = entries.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    public init(json: Data) throws {
        try self.init(entries: JSONDecoder().decode([MethodRules].self, from: json))
    }

    /// The rule book shipped with Quartermaster (`rulebook.json`).
    public static let standard: RuleBook = {
        guard let url = Bundle.module.url(forResource: "rulebook", withExtension: "json"),
            let data = try? Data(contentsOf: url), let book = try? RuleBook(json: data)
        else { fatalError("the bundled rulebook.json is missing or malformed") }
        return book
    }()

    public func rules(for method: ProcedureMethod, on date: Date) throws -> MethodRules {
        guard let rules = entries.last(where: { $0.method == method && $0.effectiveDate <= date }) else {
            throw DomainError.ruleViolation(
                code: "no-rules-in-force",
                reason: "no \(method.rawValue) procedure rules are in force on \(date)"
            )
        }
        return rules
    }

    static func day(_ text: String) -> Date? {
        guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil else { return nil }
        return ISO8601DateFormatter().date(from: text + "T00:00:00Z")
    }
}
