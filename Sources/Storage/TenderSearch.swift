import Foundation
import SQLKit

/// The conditions of a tender listing's code and text filters.
///
/// Text: on PostgreSQL, full-text search of the GIN-indexed `search_vector` (``CreateTenderSearch``) with web-search
/// syntax (`"a phrase"`, `or`, `-word`), each word matching as a prefix, so "дрон" finds "дрони" and "дронів"
/// where the 'simple' configuration does not stem. On SQLite, each word of the query must occur in the text. On
/// both, a query that is a CPV or NSN code, or the start of one, also finds tenders with an item so classified.
enum TenderSearch {
    /// Tenders with an item whose CPV or NSN code is `code` or starts with it.
    static func code(_ code: String) -> SQLQueryString {
        "cpv_codes LIKE \(bind: "% " + likeEscaped(searchable(code: code)) + "%") ESCAPE '\\'"
    }

    static func text(_ text: String, on sql: any SQLDatabase) -> SQLQueryString {
        let query = text.lowercased()
        var condition: SQLQueryString =
            if SchemaDialect(sql).isPostgres {
                // websearch_to_tsquery writes each word as a quoted lexeme ('word', quotes inside doubled); the
                // replacement marks every one a prefix ('word':*).
                """
                search_vector @@ to_tsquery('simple', regexp_replace(websearch_to_tsquery('simple', \(bind: query))::text, \
                \(bind: "'(?:''|[^'])*'"), \(bind: "\\&:*"), 'g'))
                """
            } else {
                words(query).map { "search_text LIKE \(bind: "%" + likeEscaped($0) + "%") ESCAPE '\\'" as SQLQueryString }
                    .joined(separator: " AND ")
            }
        if isCode(query) { condition = "(\(condition) OR \(code(query)))" }
        return condition
    }

    /// The words of a query, without the quotes that would make a phrase on PostgreSQL.
    private static func words(_ query: String) -> [String] {
        let words = query.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).map(String.init)
        return words.isEmpty ? [query] : words
    }

    /// Digits, with the dashes and spaces codes are written with: "3581", "35811300-5", "5820-01-234-5678".
    private static func isCode(_ query: String) -> Bool {
        query.contains(where: \.isNumber) && query.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }
    }

    /// CPV codes are stored as `35811300-5`, NSNs as 13 characters without separators.
    private static func searchable(code: String) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
        return trimmed.wholeMatch(of: /[0-9]{8}-[0-9]/) != nil ? trimmed : trimmed.filter { $0 != "-" && $0 != " " }
    }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
