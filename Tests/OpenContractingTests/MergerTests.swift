import Foundation
import OpenContracting
import Testing

/// Behaviour beyond the fixture suite, checked against what ocdsmerge 0.8.0 does with the same input.
@Suite struct MergerTests {
    static let merger: Merger = {
        do {
            return try Merger(schema: Fixtures.json("release-schema-1__1__5+bids+lots.json"))
        } catch {
            fatalError("\(error)")
        }
    }()

    static func release(_ id: String, _ date: String, _ fields: OCDSObject = [:]) -> OCDSValue {
        var object: OCDSObject = ["ocid": "ocds-213czf-1", "id": .string(id), "date": .string(date), "tag": ["tender"]]
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }

    @Test func releasesAreOrderedByDateStably() throws {
        let releases = [
            Self.release("late", "2024-03-01T00:00:00Z", ["title": "late"]),
            Self.release("first-of-two", "2024-02-01T00:00:00Z", ["title": "first", "status": "planned"]),
            Self.release("second-of-two", "2024-02-01T00:00:00Z", ["title": "second"]),
            Self.release("early", "2024-01-01T00:00:00Z", ["title": "early", "status": "planning"]),
        ]
        let compiled = try Self.merger.compiled(releases)
        #expect(compiled["title"] == "late")
        #expect(compiled["status"] == "planned")
        #expect(compiled["id"] == "ocds-213czf-1-2024-03-01T00:00:00Z")
        #expect(compiled["date"] == "2024-03-01T00:00:00Z")
        #expect(compiled["tag"] == ["compiled"])
        let titles = try #require(try Self.merger.versioned(releases)["title"]?.arrayValue)
        #expect(titles.map { $0["releaseID"] } == ["early", "first-of-two", "second-of-two", "late"])
        // Dates sort as strings (code points), as ocdsmerge does: "+01:00" sorts before "Z".
        let zoned = try Self.merger.compiled([
            Self.release("z", "2024-01-01T00:00:00Z", ["title": "z"]),
            Self.release("offset", "2024-01-01T00:00:00+01:00", ["title": "offset"]),
        ])
        #expect(zoned["title"] == "z")
    }

    @Test func invalidReleasesAreReported() {
        let good = Self.release("1", "2024-01-01T00:00:00Z")
        #expect(throws: MergeError.nonObjectRelease(index: 1)) { try Self.merger.compiled([good, "release"]) }
        #expect(throws: MergeError.nonObjectRelease(index: 0)) { try Self.merger.versioned([[good]]) }
        #expect(throws: MergeError.missingDate(index: 1)) { try Self.merger.compiled([good, ["ocid": "x"]]) }
        #expect(throws: MergeError.nullDate(index: 0)) { try Self.merger.compiled([["date": nil], good]) }
        #expect(throws: MergeError.nonStringDate(index: 1)) { try Self.merger.versioned([good, ["date": 20_240_101]]) }
    }

    @Test func aSingleReleaseIsNotChecked() throws {
        let compiled = try Self.merger.compiled([["ocid": "ocds-213czf-1", "title": "x"]])
        #expect(compiled == ["tag": ["compiled"], "id": "ocds-213czf-1-None", "ocid": "ocds-213czf-1", "title": "x"])
        let versioned = try Self.merger.versioned([["title": "x"]])
        #expect(versioned == ["title": [["releaseID": nil, "releaseDate": nil, "releaseTag": nil, "value": "x"]]])
    }

    @Test func noReleases() throws {
        #expect(try Self.merger.compiled([]) == ["tag": ["compiled"]])
        #expect(try Self.merger.versioned([]) == .object(OCDSObject()))
    }

    @Test func nullRemovesAndALaterValueRestores() throws {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["tender": ["id": "t", "title": "A", "status": "active"]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["tender": ["id": "t", "title": nil]]),
            Self.release("3", "2024-01-03T00:00:00Z", ["tender": ["id": "t", "status": nil]]),
            Self.release("4", "2024-01-04T00:00:00Z", ["tender": ["title": "B"]]),
        ]
        #expect(try Self.merger.compiled(releases)["tender"] == ["id": "t", "title": "B"])
        let versions = try #require(try Self.merger.versioned(releases)["tender"]?["title"]?.arrayValue)
        #expect(versions.map { $0["value"] } == ["A", .null, "B"])
    }

    @Test func identifierMergeOnManyMembers() throws {
        // More members than the child index threshold, in a different order in every release.
        let ids = (0..<60).map { "item-\($0)" }
        var releases: [OCDSValue] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4 {
            let subset = ids.filter { Int($0.dropFirst(5))! % 4 != round }.shuffled(using: &generator)
            let items: [OCDSValue] = subset.map { ["id": .string($0), "quantity": .number(OCDSNumber(round)), "round\(round)": true] }
            releases.append(Self.release("\(round)", "2024-01-0\(round + 1)T00:00:00Z", ["tender": ["id": "t", "items": .array(items)]]))
        }
        let items = try #require(try Self.merger.compiled(releases)["tender"]?["items"]?.arrayValue)
        #expect(items.count == 60)
        // Members keep the order in which they were first seen.
        let firstRound = releases[0]["tender"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(Array(items.compactMap { $0["id"]?.stringValue }.prefix(firstRound.count)) == firstRound)
        for item in items {
            let number = Int(item["id"]!.stringValue!.dropFirst(5))!
            let lastRound = (0..<4).last { number % 4 != $0 }!
            #expect(item["quantity"] == .number(OCDSNumber(lastRound)))
            for round in 0..<4 { #expect((item["round\(round)"] != nil) == (number % 4 != round)) }
        }
    }

    @Test func repeatedIDsInOneReleaseKeepTheLastValues() throws {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["awards": [["id": "a", "status": "pending", "title": "T"]]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["awards": [["id": "a", "status": "active"], ["id": "a", "status": "pending"]]]),
        ]
        #expect(try Self.merger.compiled(releases)["awards"] == [["id": "a", "status": "pending", "title": "T"]])
        // Within release 2 the award ends as "pending", which is no change.
        let statuses = try #require(try Self.merger.versioned(releases)["awards"]?[0]?["status"]?.arrayValue)
        #expect(statuses.map { $0["releaseID"] } == ["1"])
    }

    @Test func objectsWithoutIDAreAlwaysNew() throws {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["tender": ["milestones": [["title": "x"], ["id": "m", "title": "y"]]]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["tender": ["milestones": [["title": "x"], ["id": "m", "title": "z"], [:]]]]),
        ]
        #expect(try Self.merger.compiled(releases)["tender"]?["milestones"] == [["title": "x"], ["id": "m", "title": "z"], ["title": "x"]])
    }

    @Test func identifiersOfDifferentTypesBehaveAsInTheReference() throws {
        // ocdsmerge flattens by `str(id)` (so `1` and `"1"` share paths) but rebuilds by `id == id` (so `1.0`, read
        // as Decimal by ocdskit, joins `1`, while fields first seen under `"1"` go to a separate object).
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["awards": [["id": 1, "title": "number"]]]),
            Self.release(
                "2",
                "2024-01-02T00:00:00Z",
                ["awards": [["id": "1", "title": "string", "status": "active"], ["id": .number(OCDSNumber("1.0")!), "title": "float"]]]
            ),
        ]
        #expect(try Self.merger.compiled(releases)["awards"] == [["id": 1, "title": "string"], ["id": "1", "status": "active"]])
        let versioned = try #require(try Self.merger.versioned(releases)["awards"]?.arrayValue)
        #expect(versioned.map { $0["id"] } == [1, "1"])
        #expect(versioned[0]["title"]?.arrayValue?.map { $0["value"] } == ["number", "string"])
        #expect(versioned[1]["status"]?.arrayValue?.map { $0["value"] } == ["active"])
    }

    @Test func identifiersAreFlattenedByTheirPythonText() throws {
        // ocdskit reads 1e2 as Decimal("1E+2"), whose text is "1E+2": the same flattened path as the string "1E+2".
        let releases = try OCDSValue.parseSequence(
            Data(
                """
                {"ocid":"o","id":"1","date":"2024-01-01T00:00:00Z","awards":[{"id":1e2,"a":1},{"id":0.0000001,"a":1}]}
                {"ocid":"o","id":"2","date":"2024-01-02T00:00:00Z","awards":[{"id":"1E+2","a":2,"b":3},{"id":"1E-7","a":2}]}
                """.utf8
            )
        )
        let expected = try OCDSValue(parsing: #"[{"id":1e2,"a":2},{"id":0.0000001,"a":2},{"id":"1E+2","b":3}]"#)
        #expect(try Self.merger.compiled(releases)["awards"] == expected)
        // The compiled release `id` uses the same text.
        let single = try Self.merger.compiled([OCDSValue(parsing: #"{"ocid":5,"date":1.50}"#)])
        #expect(single["id"] == "5-1.50")
    }

    @Test func nullIDsMergeTogetherAndAreNotOutput() throws {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["awards": [["id": nil, "title": "a"], ["id": nil, "status": "active"]]])
        ]
        #expect(try Self.merger.compiled(releases)["awards"] == [["title": "a", "status": "active"]])
    }

    @Test func arraysOfNonObjectsAndMixedArraysAreWholeValues() throws {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["matrix": [[1, 2], [3]], "mixed": [["id": "a"], "b"], "extra": [["id": "x", "v": 1]]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["matrix": [[4]], "mixed": ["c", ["id": "a"]], "extra": [["id": "y", "v": 2]]]),
        ]
        let compiled = try Self.merger.compiled(releases)
        #expect(compiled["matrix"] == [[4]])
        #expect(compiled["mixed"] == ["c", ["id": "a"]])
        // Fields outside the schema with objects that have an `id` merge by identifier.
        #expect(compiled["extra"] == [["id": "x", "v": 1], ["id": "y", "v": 2]])
    }

    @Test func aLiteralThenAnObjectIsAnInconsistentType() {
        let releases = [
            Self.release("1", "2024-01-01T00:00:00Z", ["tender": "cancelled"]),
            Self.release("2", "2024-01-02T00:00:00Z", ["tender": ["status": "active"]]),
        ]
        #expect(throws: MergeError.inconsistentType(path: "/tender")) { try Self.merger.compiled(releases) }
        #expect(throws: MergeError.inconsistentType(path: "/tender")) { try Self.merger.versioned(releases) }
        let awards = [
            Self.release("1", "2024-01-01T00:00:00Z", ["awards": [["id": "a", "value": 5]]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["awards": [["id": "a", "value": ["amount": 5]]]]),
        ]
        #expect(throws: MergeError.inconsistentType(path: "/awards/a/value")) { try Self.merger.compiled(awards) }
    }

    @Test func whichComesFirstDecidesBetweenAValueAndAnObject() throws {
        // `null` first: the later object is built (compiled); the versioned history cannot hold both.
        let nullFirst = [
            Self.release("1", "2024-01-01T00:00:00Z", ["planning": nil]),
            Self.release("2", "2024-01-02T00:00:00Z", ["planning": ["rationale": "r"]]),
        ]
        #expect(try Self.merger.compiled(nullFirst)["planning"] == ["rationale": "r"])
        #expect(throws: MergeError.inconsistentType(path: "/planning")) { try Self.merger.versioned(nullFirst) }
        // Object first: a later literal or `null` for the whole object is ignored.
        let objectFirst = [
            Self.release("1", "2024-01-01T00:00:00Z", ["planning": ["rationale": "r"]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["planning": nil]),
            Self.release("3", "2024-01-03T00:00:00Z", ["planning": "none"]),
        ]
        #expect(try Self.merger.compiled(objectFirst)["planning"] == ["rationale": "r"])
        // An array of strings first, then objects: the objects are appended to it.
        let listFirst = [
            Self.release("1", "2024-01-01T00:00:00Z", ["notes": ["a"]]),
            Self.release("2", "2024-01-02T00:00:00Z", ["notes": [["id": "n", "text": "b"]]]),
        ]
        #expect(try Self.merger.compiled(listFirst)["notes"] == ["a", ["id": "n", "text": "b"]])
    }

    @Test func ocidAndIDComeFromTheLastRelease() throws {
        let releases: [OCDSValue] = [
            ["ocid": "ocds-a", "id": "1", "date": "2024-01-01T00:00:00Z"],
            ["id": "2", "date": "2024-01-02T00:00:00Z", "title": "t"],
        ]
        let compiled = try Self.merger.compiled(releases)
        #expect(compiled == ["tag": ["compiled"], "id": "None-2024-01-02T00:00:00Z", "date": "2024-01-02T00:00:00Z", "title": "t"])
        #expect(try Self.merger.versioned(releases)["ocid"] == nil)
    }

    @Test func mergingInParallelGivesTheSameResults() async throws {
        let directory = Fixtures.mergeFixtures.appendingPathComponent("1.1")
        let names = ["mergeid", "lists", "unit", "contextual", "null"]
        var inputs: [[OCDSValue]] = []
        for name in names {
            let releases = try Fixtures.json(directory.appendingPathComponent(name + ".json")).arrayValue ?? []
            inputs.append(releases)
        }
        let merger = try Merger(schema: Fixtures.json(directory.deletingLastPathComponent().appendingPathComponent("release-schema-1__1__4.json")))
        let serial = try inputs.map { try merger.versioned($0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, OCDSValue).self) { group in
            for (position, releases) in inputs.enumerated() {
                group.addTask {
                    let value = try merger.versioned(releases)
                    return (position, value)
                }
            }
            var results = [OCDSValue](repeating: nil, count: inputs.count)
            for try await (position, value) in group { results[position] = value }
            return results
        }
        #expect(parallel == serial)
    }
}
