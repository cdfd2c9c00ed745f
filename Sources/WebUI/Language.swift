import Foundation

/// The two languages of the UI. Chosen by the user (a cookie), else by `Accept-Language`, else Ukrainian.
enum Language: String, CaseIterable, Sendable {
    case uk
    case en

    var locale: Locale { Locale(identifier: self == .uk ? "uk_UA" : "en_GB") }

    static func negotiate(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let chosen = Language(rawValue: cookie) { return chosen }
        let ranges = (acceptLanguage ?? "").split(separator: ",").map { range -> (String, Double) in
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (parts.first?.lowercased() ?? "", quality)
        }
        for (tag, _) in ranges.sorted(by: { $0.1 > $1.1 }) {
            if let language = Language(rawValue: String(tag.prefix(2))) { return language }
        }
        return .uk
    }
}
