import Foundation
import OpenContracting
import Testing

@Suite struct OCDSValueTests {
    @Test func largeAmountsSurviveExactly() throws {
        let text = #"{"value":{"amount":12345678901234567890.12,"currency":"UAH"}}"#
        let value = try OCDSValue(parsing: text)
        let amount = try #require(value["value"]?["amount"]?.numberValue)
        #expect(amount.text == "12345678901234567890.12")
        #expect(amount.decimal == Decimal(string: "12345678901234567890.12", locale: Locale(identifier: "en_US_POSIX")))
        #expect(value.jsonString() == text)
        // Twice around, still the same bytes.
        #expect(try OCDSValue(parsing: value.jsonBytes()).jsonString() == text)
        // Other representations keep their text too.
        for literal in ["0.1", "1E+400", "-0.000000000000000000000001", "1e-7", "100.00", "-0"] {
            #expect(try OCDSValue(parsing: literal).jsonString() == literal)
        }
    }

    @Test func amountsStayExactThroughTheMerge() throws {
        let merger = Merger(rules: MergeRules([["id"]: .omitWhenMerged, ["date"]: .omitWhenMerged, ["tag"]: .omitWhenMerged]))
        let releases = try OCDSValue.parseSequence(
            Data(
                """
                {"ocid":"ocds-1","id":"1","date":"2024-01-01T00:00:00Z","tender":{"value":{"amount":12345678901234567890.12}}}
                {"ocid":"ocds-1","id":"2","date":"2024-01-02T00:00:00Z","tender":{"value":{"amount":12345678901234567890.120}}}
                {"ocid":"ocds-1","id":"3","date":"2024-01-03T00:00:00Z","tender":{"value":{"amount":12345678901234567890.13}}}
                """.utf8
            )
        )
        let compiled = try merger.compiled(releases)
        #expect(compiled["tender"]?["value"]?["amount"]?.numberValue?.text == "12345678901234567890.13")
        let history = try #require(try merger.versioned(releases)["tender"]?["value"]?["amount"]?.arrayValue)
        // "…90.120" equals "…90.12" by value, so it is not a new version; "…90.13" is (even though the two are the
        // same `Double`).
        #expect(history.map { $0["value"]?.numberValue?.text } == ["12345678901234567890.12", "12345678901234567890.13"])
        #expect(history.map { $0["releaseID"] } == ["1", "3"])
    }

    @Test func numbersCompareByValue() throws {
        let equalGroups: [[String]] = [
            ["1", "1.0", "1e0", "10e-1", "0.1E1", "1.000"],
            ["0", "-0", "0.0", "0e10", "-0.0E-3"],
            ["12345678901234567890.12", "1234567890123456789012e-2"],
            ["-2.5", "-25e-1", "-0.25E1"],
        ]
        for group in equalGroups {
            let numbers = group.map { OCDSNumber($0)! }
            for number in numbers {
                #expect(number == numbers[0], "\(number) == \(numbers[0])")
                #expect(number.hashValue == numbers[0].hashValue)
            }
        }
        #expect(OCDSNumber("1")! != OCDSNumber("1.5")!)
        #expect(OCDSNumber("12345678901234567890.12")! != OCDSNumber("12345678901234567890.13")!)
        #expect(OCDSNumber("-1")! != OCDSNumber("1")!)
        #expect(OCDSNumber("1e400")! != OCDSNumber("1e401")!)
        #expect(OCDSValue.number(1) != .bool(true))
        #expect(OCDSValue.string("1") != .number(1))
    }

    @Test func numberSyntaxIsChecked() {
        for valid in ["0", "-0", "1", "-1", "10", "1.5", "0.5", "1e5", "1E+5", "1e-5", "-1.25e-10", "123456789012345678901234567890"] {
            #expect(OCDSNumber(valid)?.text == valid)
        }
        for invalid in ["", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+", "0x10", "NaN", "Infinity", "1 ", " 1", "1_000", "١"] {
            #expect(OCDSNumber(invalid) == nil, "\(invalid)")
        }
    }

    @Test func numberConversions() {
        #expect(OCDSNumber(42).text == "42")
        #expect(OCDSNumber(Decimal(string: "1234.50")!)?.text == "1234.5")
        #expect(OCDSNumber(Decimal(string: "-0.001")!)?.text == "-0.001")
        #expect(OCDSNumber(Decimal.nan) == nil)
        #expect(OCDSNumber(0.1)?.text == "0.1")
        #expect(OCDSNumber(2.0)?.text == "2.0")
        #expect(OCDSNumber(1e20)?.text == "1e+20")
        #expect(OCDSNumber(Double.infinity) == nil)
        #expect(OCDSNumber("2e3")?.int == 2000)
        #expect(OCDSNumber("2.0")?.int == 2)
        #expect(OCDSNumber("-7")?.int == -7)
        #expect(OCDSNumber("2.5")?.int == nil)
        #expect(OCDSNumber("1e30")?.int == nil)
        #expect(OCDSNumber("0.25")?.double == 0.25)
        let literal: OCDSValue = 0.1
        #expect(literal.jsonString() == "0.1")
    }

    @Test func objectsCompareWithoutOrderArraysWithOrder() {
        let a: OCDSValue = ["x": 1, "y": ["p": true, "q": nil]]
        let b: OCDSValue = ["y": ["q": nil, "p": true], "x": 1.0]
        #expect(a == b)
        #expect(a != ["x": 1])
        #expect(a != ["x": 1, "y": ["p": true]])
        #expect(OCDSValue.array([1, 2]) != [2, 1])
        var wide = OCDSObject()
        var reversed = OCDSObject()
        for index in 0..<40 { wide["k\(index)"] = .number(OCDSNumber(index)) }
        for index in (0..<40).reversed() { reversed["k\(index)"] = .number(OCDSNumber(index)) }
        #expect(wide == reversed)
        reversed["k3"] = "changed"
        #expect(wide != reversed)
    }

    @Test func objectsKeepInsertionOrderAndUniqueKeys() {
        var object: OCDSObject = ["b": 1, "a": 2, "b": 3]
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["c"] = 4
        object["a"] = nil
        object["missing"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(OCDSValue.object(object).jsonString() == #"{"b":3,"c":4}"#)
        #expect(OCDSValue.object(object)["c"] == 4)
        #expect(OCDSValue.array(["x"])[0] == "x")
        #expect(OCDSValue.array(["x"])[1] == nil)
        #expect(OCDSValue.string("x")["key"] == nil)
    }
}
