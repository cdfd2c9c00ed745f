import Foundation
import Procurement
import Testing

@Suite("Unit of measure")
struct UnitOfMeasureTests {
    @Test(arguments: [
        ("H87", UnitOfMeasure.piece, "piece"), ("EA", .each, "each"), ("C62", .one, "one"), ("SET", .set, "set"), ("PR", .pair, "pair"),
        ("KGM", .kilogram, "kilogram"), ("TNE", .tonne, "tonne (metric ton)"), ("GRM", .gram, "gram"), ("LTR", .litre, "litre"),
        ("MTR", .metre, "metre"), ("KMT", .kilometre, "kilometre"), ("MTK", .squareMetre, "square metre"),
        ("MTQ", .cubicMetre, "cubic metre"), ("HUR", .hour, "hour"), ("DAY", .day, "day"), ("MON", .month, "month"),
        ("ANN", .year, "year"), ("BX", .box, "box"), ("PK", .pack, "pack"), ("RO", .roll, "roll"), ("E48", .serviceUnit, "service unit"),
    ])
    func parsesRecommendation20Codes(_ code: String, _ unit: UnitOfMeasure, _ name: String) throws {
        #expect(try UnitOfMeasure(code: code) == unit)
        #expect(unit.code == code)
        #expect(unit.description == code)
        #expect(unit.name == name)
    }

    @Test func everyCaseRoundTripsAndHasAName() throws {
        #expect(Set(UnitOfMeasure.allCases.map(\.code)).count == UnitOfMeasure.allCases.count)
        for unit in UnitOfMeasure.allCases {
            #expect(try UnitOfMeasure(code: unit.code) == unit)
            #expect(!unit.name.isEmpty)
        }
    }

    @Test func trimsWhitespace() throws {
        #expect(try UnitOfMeasure(code: " MTR ") == .metre)
    }

    @Test func rejectsUnknownCodes() {
        #expect(
            domainError { try UnitOfMeasure(code: "XBX") }
                == .invalidField(field: "unit", code: "invalid-unit", reason: "\"XBX\" is not a supported UN/CEFACT Recommendation 20 unit code")
        )
        #expect(domainError { try UnitOfMeasure(code: "PCE") }?.code == "invalid-unit")
        #expect(
            domainError { try UnitOfMeasure(code: " ", field: "items[2].unit") }
                == .invalidField(field: "items[2].unit", code: "invalid-unit", reason: "unit code is empty")
        )
    }

    @Test func pointsOutLowercaseCodes() {
        #expect(
            domainError { try UnitOfMeasure(code: "kgm") }
                == .invalidField(field: "unit", code: "invalid-unit", reason: "unit codes are upper-case: use \"KGM\", not \"kgm\"")
        )
    }

    @Test func codableAsASingleString() throws {
        let (json, decoded) = try roundTrip(UnitOfMeasure.kilogram, key: "unit")
        #expect(json == #"{"unit":"KGM"}"#)
        #expect(decoded == .kilogram)
        let context = try #require(try decodingFailure(UnitOfMeasure.self, raw: "PCE", key: "unit"))
        #expect(context.debugDescription == "\"PCE\" is not a supported UN/CEFACT Recommendation 20 unit code")
        #expect((context.underlyingError as? DomainError)?.code == "invalid-unit")
    }
}
