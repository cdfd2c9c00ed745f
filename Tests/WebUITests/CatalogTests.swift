import Foundation
import Testing

/// Both catalogues carry every message, and every message a template asks for exists.
@Suite struct CatalogTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/WebUI")

    static func catalog(_ language: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(contentsOf: sources.appendingPathComponent("Messages/\(language).json")))
    }

    @Test func ukrainianAndEnglishHaveTheSameMessages() throws {
        let uk = try Self.catalog("uk")
        let en = try Self.catalog("en")
        #expect(Set(uk.keys) == Set(en.keys))
        #expect(uk.filter { !$0.value.isEmpty }.count == uk.count)
        let translated = uk.filter { en[$0.key] != $0.value }.count
        #expect(translated > uk.count * 9 / 10, "Ukrainian texts are translations, not copies")
    }

    @Test func everyTemplateMessageExists() throws {
        let en = try Self.catalog("en")
        let directory = Self.sources.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([a-z0-9_]+)\}\}/) {
                #expect(en[String(match.1)] != nil, "\(name) asks for t.\(match.1)")
            }
        }
    }

    @Test func templatesHoldNoWordsOfTheirOwn() throws {
        let directory = Self.sources.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let withoutTags = text.replacing(/\{\{[^}]*\}\}/, with: " ").replacing(/<[^>]*>/, with: " ")
            let words = withoutTags.split(whereSeparator: { !$0.isLetter }).filter { $0.count > 2 }
            #expect(words.isEmpty, "\(name) has text outside the catalogues: \(words.prefix(5))")
        }
    }

    /// Every refusal the domain, the storage layer or the web layer can give a page has its text in both languages, so
    /// a Ukrainian reader never gets an English message. Found by reading the sources, so a new code cannot slip by.
    @Test func everyRefusalThatCanReachAPageIsTranslated() throws {
        let root = Self.sources.deletingLastPathComponent()
        // Only the platform's own scheduler and log issue these; no form can cause them.
        let unreachable: Set = ["system-only", "unknown-event-type", "idempotency-key-reused", "checkpoint-not-newer"]
        var codes: Set = ["illegal-transition"]
        for module in ["Procurement", "Storage", "WebUI"] {
            let directory = root.appendingPathComponent(module)
            for case let file as String in FileManager.default.enumerator(atPath: directory.path)! where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: /code: (?:String = )?"([a-z0-9-]+)"/) { codes.insert(String(match.1)) }
                for match in text.matches(of: /notFound\(entity: "([a-z]+)"/) { codes.insert("\(match.1)-not-found") }
            }
        }
        codes.subtract(unreachable)
        #expect(codes.count > 80)
        for language in ["en", "uk"] {
            let catalog = try Self.catalog(language)
            let missing = codes.filter { catalog["error.\($0)"] == nil }.sorted()
            #expect(missing.isEmpty, "\(language) lacks error.\(missing)")
        }
    }
}
