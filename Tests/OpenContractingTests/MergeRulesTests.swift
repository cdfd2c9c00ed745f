import Foundation
import OpenContracting
import Testing

@Suite struct MergeRulesTests {
    /// The rules ocdsmerge 0.8.0 derives from each schema (see `Fixtures/merge-rules/README.md`).
    @Test(arguments: [
        "merge-fixtures/release-schema-1__0__3.json",
        "merge-fixtures/release-schema-1__1__4.json",
        "merge-fixtures/schema.json",
        "release-schema-1__1__5+bids+lots.json",
    ])
    func derivedRulesMatchTheReferenceImplementation(_ schemaPath: String) throws {
        let rules = try MergeRules(schema: Fixtures.json(schemaPath))
        let name = String(schemaPath.split(separator: "/").last!)
        let expectedJSON = try #require(try Fixtures.json("merge-rules/" + name).objectValue)
        var expected: [[String]: MergeRules.Rule] = [:]
        for (path, rule) in expectedJSON {
            let parsed: MergeRules.Rule = try #require(rule.stringValue.flatMap(MergeRules.Rule.init(rawValue:)))
            expected[path.split(separator: ".").map(String.init)] = parsed
        }
        #expect(rules.byPath == expected)
    }

    @Test func theExtendedSchemaKnowsBidsAndLots() throws {
        let rules = try MergeRules(schema: Fixtures.json("release-schema-1__1__5+bids+lots.json"))
        #expect(rules[dotted: "id"] == .omitWhenMerged)
        #expect(rules[dotted: "date"] == .omitWhenMerged)
        #expect(rules[dotted: "tag"] == .omitWhenMerged)
        #expect(rules[dotted: "parties.roles"] == .wholeListMerge)
        #expect(rules[dotted: "parties.additionalIdentifiers"] == .wholeListMerge)
        #expect(rules[dotted: "tender.items.additionalClassifications"] == .wholeListMerge)
        #expect(rules[dotted: "bids.details.relatedLots"] == .wholeListMerge)
        #expect(rules[dotted: "tender.lots"] == nil)  // identifier merge: Lot has an id
        #expect(rules[dotted: "bids.statistics"] == nil)  // identifier merge: BidsStatistic has an id
        #expect(rules[dotted: "awards.relatedLots"] == .wholeListMerge)
        #expect(rules[dotted: "tender.items.unit"] == nil)  // an object: merged member by member
    }

    @Test func ocds10MergeStrategiesAreRead() throws {
        let rules = try MergeRules(schema: Fixtures.json("merge-fixtures/release-schema-1__0__3.json"))
        #expect(rules[dotted: "ocid"] == .omitWhenMerged)  // 1.0 marks ocid "ocdsOmit"
        #expect(rules[dotted: "awards.suppliers"] == .wholeListMerge)  // 1.0 organizations have no id
    }

    @Test func rulesFollowReferencesAndTheirPrecedence() throws {
        let schema: OCDSValue = [
            "properties": [
                "ref": ["$ref": "#/definitions/Thing"],
                "chain": ["$ref": "#/definitions/Alias"],
                "escaped": ["$ref": "#/definitions/a~1b%20c"],
                "omitWins": ["type": "array", "omitWhenMerged": true, "wholeListMerge": true],
                "omitByStrategy": ["type": "string", "mergeStrategy": "ocdsOmit"],
                "wholeByStrategy": ["type": ["array", "null"], "mergeStrategy": "ocdsVersion", "items": ["$ref": "#/definitions/Thing"]],
                "objectIgnoresWholeListMerge": [
                    "type": "object", "wholeListMerge": true, "properties": ["x": ["type": "string", "omitWhenMerged": 1]],
                ],
                "falseIsIgnored": ["type": "string", "omitWhenMerged": false],
                "strings": ["type": "array", "items": ["type": "string"]],
                "mixed": ["type": "array", "items": ["type": ["object", "string"], "properties": ["id": [:]]]],
                "noID": ["type": "array", "items": ["type": "object", "properties": ["name": [:]]]],
                "withID": ["type": "array", "items": ["$ref": "#/definitions/Thing"]],
                "untypedItems": ["type": "array", "items": ["properties": ["id": [:]]]],
                "noType": ["properties": ["hidden": ["omitWhenMerged": true]]],
            ],
            "definitions": [
                "Thing": ["type": "object", "properties": ["id": ["type": "string"], "secret": ["omitWhenMerged": true]]],
                "Alias": ["$ref": "#/definitions/Thing"],
                "a/b c": ["type": "object", "properties": ["gone": ["omitWhenMerged": true]]],
            ],
        ]
        let rules = try MergeRules(schema: schema)
        #expect(
            rules.byPath == [
                ["ref", "secret"]: .omitWhenMerged,
                ["chain", "secret"]: .omitWhenMerged,
                ["escaped", "gone"]: .omitWhenMerged,
                ["omitWins"]: .omitWhenMerged,
                ["omitByStrategy"]: .omitWhenMerged,
                ["wholeByStrategy"]: .wholeListMerge,
                ["objectIgnoresWholeListMerge", "x"]: .omitWhenMerged,
                ["strings"]: .wholeListMerge,
                ["mixed"]: .wholeListMerge,
                ["noID"]: .wholeListMerge,
                ["withID", "secret"]: .omitWhenMerged,
            ]
        )
    }

    @Test func referenceCyclesStop() throws {
        let schema: OCDSValue = [
            "properties": ["node": ["$ref": "#/definitions/Node"]],
            "definitions": [
                "Node": ["type": "object", "properties": ["child": ["$ref": "#/definitions/Node"], "drop": ["omitWhenMerged": true]]],
                "Loop": ["$ref": "#/definitions/Loop"],
            ],
        ]
        let rules = try MergeRules(schema: schema)
        // `child` refers back to `Node`, which is being expanded: it is treated as an empty schema.
        #expect(rules.byPath == [["node", "drop"]: .omitWhenMerged])
        let selfLoop: OCDSValue = ["properties": ["x": ["$ref": "#/definitions/Loop"]], "definitions": ["Loop": ["$ref": "#/definitions/Loop"]]]
        #expect(try MergeRules(schema: selfLoop).byPath.isEmpty)
    }

    @Test func badSchemasAreReported() {
        #expect(throws: SchemaError.missingProperties) { try MergeRules(schema: ["type": "object"]) }
        #expect(throws: SchemaError.missingProperties) { try MergeRules(schema: "not a schema") }
        #expect(throws: SchemaError.unsupportedReference("https://example.com/schema.json")) {
            try MergeRules(schema: ["properties": ["x": ["$ref": "https://example.com/schema.json"]]])
        }
        #expect(throws: SchemaError.unresolvedReference("#/definitions/Missing")) {
            try MergeRules(schema: ["properties": ["x": ["$ref": "#/definitions/Missing"]]])
        }
    }

    @Test func rulesDriveTheMerge() throws {
        // The same data merges differently when only the schema changes.
        let releases: [OCDSValue] = [
            ["ocid": "ocds-1", "id": "1", "date": "2020-01-01T00:00:00Z", "list": [["id": "a", "x": 1]]],
            ["ocid": "ocds-1", "id": "2", "date": "2020-01-02T00:00:00Z", "list": [["id": "b", "x": 2]]],
        ]
        let byIdentifier = Merger(rules: MergeRules([["id"]: .omitWhenMerged, ["date"]: .omitWhenMerged]))
        #expect(try byIdentifier.compiled(releases)["list"] == [["id": "a", "x": 1], ["id": "b", "x": 2]])
        let wholeList = Merger(rules: MergeRules([["id"]: .omitWhenMerged, ["date"]: .omitWhenMerged, ["list"]: .wholeListMerge]))
        #expect(try wholeList.compiled(releases)["list"] == [["id": "b", "x": 2]])
        let omitted = Merger(rules: MergeRules([["id"]: .omitWhenMerged, ["date"]: .omitWhenMerged, ["list", "x"]: .omitWhenMerged]))
        #expect(try omitted.compiled(releases)["list"] == [["id": "a"], ["id": "b"]])
    }
}
