import OpenContracting
import Testing

/// `ocds compile` input handling, as `ocdskit compile` 1.7 behaves (the equality of whole outputs is checked against
/// ocdskit itself by scripts/check-ocds.sh).
@Suite struct CompilationTests {
    static func release(_ ocid: String, _ id: String, _ date: String, title: String) -> OCDSValue {
        .object(["ocid": .string(ocid), "id": .string(id), "date": .string(date), "tag": ["tender"], "tender": ["title": .string(title)]])
    }

    static func package(uri: String, releases: [OCDSValue], publisher: String) -> OCDSValue {
        [
            "uri": .string(uri), "version": "1.1", "publishedDate": "2026-01-01T00:00:00Z", "publisher": ["name": .string(publisher)],
            "extensions": ["https://example.org/ext.json"], "releases": .array(releases),
        ]
    }

    @Test func groupsByOcidInCodePointOrderAndMergesEachGroup() throws {
        var compilation = Compilation(merger: MergerTests.merger)
        try compilation.add(Self.release("ocds-b", "2", "2026-02-01T00:00:00Z", title: "b later"))
        try compilation.add(.array([Self.release("ocds-a", "1", "2026-01-01T00:00:00Z", title: "a")]))
        try compilation.add(
            Self.package(uri: "p1", releases: [Self.release("ocds-b", "1", "2026-01-01T00:00:00Z", title: "b earlier"), .null], publisher: "X")
        )
        let compiled = try compilation.output(Compilation.Options())
        #expect(compiled.map { $0["ocid"] } == ["ocds-a", "ocds-b"])
        #expect(compiled[1]["tender"]?["title"] == "b later")
        #expect(compiled[1]["id"] == "ocds-b-2026-02-01T00:00:00Z")
    }

    @Test func recordPackageTakesMetadataFromTheLastPackageAndLinksReleases() throws {
        var compilation = Compilation(merger: MergerTests.merger)
        try compilation.add(
            Self.package(uri: "p1", releases: [Self.release("ocds-a", "1", "2026-01-01T00:00:00Z", title: "one")], publisher: "First")
        )
        try compilation.add(
            Self.package(uri: "p2", releases: [Self.release("ocds-a", "2", "2026-01-02T00:00:00Z", title: "two")], publisher: "Second")
        )
        var options = Compilation.Options()
        options.package = true
        options.linkedReleases = true
        options.uri = "https://example.org/records.json"
        let output = try compilation.output(options)
        let package = try #require(output.first)
        #expect(output.count == 1)
        #expect(package["publisher"]?["name"] == "Second")
        #expect(package["packages"] == ["p1", "p2"])
        #expect(package["extensions"] == ["https://example.org/ext.json"])
        let record = try #require(package["records"]?[0])
        #expect(record["releases"]?[1]?["url"] == "p2#2")
        #expect(record["compiledRelease"]?["tender"]?["title"] == "two")
        #expect(record["versionedRelease"] == nil)
    }

    @Test func refusesWhatIsNeitherAReleaseNorAPackage() {
        var compilation = Compilation(merger: MergerTests.merger)
        #expect(throws: CompilationError.notReleaseOrPackage(item: 0)) { try compilation.add(["ocid": "ocds-a"]) }
        #expect(throws: CompilationError.missingOcid(item: 1)) { try compilation.add(["date": "2026-01-01T00:00:00Z"]) }
        #expect(throws: CompilationError.notReleaseOrPackage(item: 2)) { try compilation.add("text") }
    }
}
