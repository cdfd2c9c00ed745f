import Foundation
@_spi(Testing) import OpenContracting
import Testing

/// Compares our merge with outputs recorded from ocdsmerge on a corpus given by `OCDS_DIFF_CASES` (JSON lines of
/// `{schema, releases, compiled | compiledError, versioned | versionedError}`). Skipped when the variable is unset.
@Suite struct DifferentialTests {
    static let corpus = ProcessInfo.processInfo.environment["OCDS_DIFF_CASES"]

    static let schemas = [
        "1.1": "merge-fixtures/release-schema-1__1__4.json",
        "1.0": "merge-fixtures/release-schema-1__0__3.json",
        "schema": "merge-fixtures/schema.json",
        "bids": "release-schema-1__1__5+bids+lots.json",
    ]

    /// ocdsmerge's exception names for our errors.
    static func pythonName(_ error: MergeError) -> String {
        switch error {
        case .nonObjectRelease: return "NonObjectReleaseError"
        case .missingDate: return "MissingDateKeyError"
        case .nullDate: return "NullDateValueError"
        case .nonStringDate: return "NonStringDateValueError"
        case .inconsistentType: return "InconsistentTypeError"
        }
    }

    @Test(.enabled(if: corpus != nil))
    func ourMergeMatchesRecordedReferenceOutputs() throws {
        var mergers: [String: Merger] = [:]
        for (name, path) in Self.schemas { mergers[name] = try Merger(schema: Fixtures.json(path)) }
        let cases = try OCDSValue.parseSequence(Data(contentsOf: URL(fileURLWithPath: try #require(Self.corpus))))
        var compared = 0
        var skipped = 0
        var failures = 0
        for (line, testCase) in cases.enumerated() {
            let schema = try #require(testCase["schema"]?.stringValue)
            var merger = try #require(mergers[schema])
            let releases = try #require(testCase["releases"]?.arrayValue)
            for (kind, exact) in [("compiled", false), ("versioned", false), ("compiled", true), ("versioned", true)] {
                merger.alwaysRebuildExactly = exact
                let expectedError = testCase[kind + "Error"]?.stringValue
                // ocdsmerge crashes with a plain TypeError (e.g. an unhashable `id`): nothing to compare.
                if expectedError == "TypeError" {
                    skipped += 1
                    continue
                }
                compared += 1
                let outcome: Result<OCDSValue, MergeError> = Result { () throws(MergeError) in
                    try kind == "compiled" ? merger.compiled(releases) : merger.versioned(releases)
                }
                switch (outcome, expectedError) {
                case (.success(let actual), nil):
                    let expected = try #require(testCase[kind])
                    if actual != expected {
                        failures += 1
                        if failures <= 5 {
                            Issue.record(
                                "line \(line + 1) \(kind) exact=\(exact): releases\n\(OCDSValue.array(releases).debugJSON)\nexpected\n\(expected.debugJSON)\nactual\n\(actual.debugJSON)"
                            )
                        }
                    }
                case (.failure(let error), let name?):
                    if Self.pythonName(error) != name {
                        failures += 1
                        Issue.record("line \(line + 1) \(kind) exact=\(exact): expected \(name), got \(error)")
                    }
                case (.success(let actual), let name?):
                    failures += 1
                    Issue.record(
                        "line \(line + 1) \(kind): expected \(name), got\n\(actual.debugJSON)\nreleases\n\(OCDSValue.array(releases).debugJSON)"
                    )
                case (.failure(let error), nil):
                    failures += 1
                    Issue.record("line \(line + 1) \(kind): unexpected \(error)\nreleases\n\(OCDSValue.array(releases).debugJSON)")
                }
            }
        }
        print("differential: \(compared) outputs compared, \(skipped) skipped (reference crashed), \(failures) failures")
        #expect(failures == 0)
    }
}
