import Foundation
import OpenContracting
import Testing

/// One expected output of the ocds-merge fixture suite: `<folder>/<name>-<kind>.json`, with the input releases in
/// `<folder>/<name>.json` and the schema of the folder.
struct MergeFixture: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable {
        case compiled
        case versioned
    }

    let folder: String
    let name: String
    let kind: Kind

    var testDescription: String { "\(folder)/\(name)-\(kind.rawValue)" }

    /// The schema each folder's expected outputs were generated with.
    static let schemas = [
        "1.0": "release-schema-1__0__3.json",
        "1.1": "release-schema-1__1__4.json",
        "schema": "schema.json",
    ]

    /// Every expected output in the suite, found the way `merge_conformance.py` finds them.
    static let all: [MergeFixture] = {
        var cases: [MergeFixture] = []
        for folder in schemas.keys.sorted() {
            let directory = Fixtures.mergeFixtures.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let stem = String(file.dropLast(".json".count))
                for kind in [Kind.compiled, .versioned] where stem.hasSuffix("-" + kind.rawValue) {
                    cases.append(MergeFixture(folder: folder, name: String(stem.dropLast(kind.rawValue.count + 1)), kind: kind))
                }
            }
        }
        return cases
    }()
}

/// One merger per fixture folder, built from that folder's schema.
private let mergers: [String: Merger] = {
    var mergers: [String: Merger] = [:]
    for (folder, schema) in MergeFixture.schemas {
        do {
            mergers[folder] = try Merger(schema: Fixtures.json(Fixtures.mergeFixtures.appendingPathComponent(schema)))
        } catch {
            fatalError("cannot load \(schema): \(error)")
        }
    }
    return mergers
}()

@Suite struct MergeFixtureTests {
    @Test func theSuiteHasAllFiftyExpectedOutputs() {
        let cases = MergeFixture.all
        #expect(cases.count == 50)
        #expect(cases.filter { $0.folder == "1.0" }.count == 2)
        #expect(cases.filter { $0.folder == "1.1" }.count == 34)
        #expect(cases.filter { $0.folder == "schema" }.count == 14)
        #expect(cases.filter { $0.kind == .versioned }.count == 19)
    }

    @Test(arguments: MergeFixture.all)
    func mergeMatchesTheExpectedOutput(_ fixture: MergeFixture) throws {
        let directory = Fixtures.mergeFixtures.appendingPathComponent(fixture.folder)
        let releases = try #require(try Fixtures.json(directory.appendingPathComponent(fixture.name + ".json")).arrayValue)
        let expected = try Fixtures.json(directory.appendingPathComponent("\(fixture.name)-\(fixture.kind.rawValue).json"))
        let merger = try #require(mergers[fixture.folder])

        let actual: OCDSValue
        switch fixture.kind {
        case .compiled: actual = try merger.compiled(releases)
        case .versioned: actual = try merger.versioned(releases)
        }
        #expect(actual == expected, "expected:\n\(expected.debugJSON)\nactual:\n\(actual.debugJSON)")

        // The releases in reverse order are sorted back by date, so the result is the same.
        let reversed: OCDSValue
        switch fixture.kind {
        case .compiled: reversed = try merger.compiled(releases.reversed())
        case .versioned: reversed = try merger.versioned(releases.reversed())
        }
        #expect(reversed == expected)
    }

    @Test func recordsCombineBothMerges() throws {
        let directory = Fixtures.mergeFixtures.appendingPathComponent("1.1")
        let releases = try #require(try Fixtures.json(directory.appendingPathComponent("mergeid.json")).arrayValue)
        let merger = try #require(mergers["1.1"])
        let record = try merger.record(ocid: "ocds-213czf-A", releases: releases)
        #expect(record.objectValue?.keys == ["ocid", "releases", "compiledRelease", "versionedRelease"])
        #expect(record["ocid"] == "ocds-213czf-A")
        #expect(record["releases"] == .array(releases))
        #expect(record["compiledRelease"] == (try Fixtures.json(directory.appendingPathComponent("mergeid-compiled.json"))))
        #expect(record["versionedRelease"] == (try Fixtures.json(directory.appendingPathComponent("mergeid-versioned.json"))))

        let compiledOnly = try merger.record(ocid: "ocds-213czf-A", releases: releases, includeVersioned: false)
        #expect(compiledOnly.objectValue?.keys == ["ocid", "releases", "compiledRelease"])
    }
}
