import Foundation
import Procurement
import Testing

@Suite("CPV code")
struct CPVCodeTests {
    @Test func acceptsDefenceCodesAndExposesTheirTitles() throws {
        let weapons = try CPVCode("35300000-7")
        #expect(weapons.value == "35300000-7")
        #expect(weapons.description == "35300000-7")
        #expect(weapons.title == "Weapons, ammunition and associated parts")
        #expect(weapons.division == "35")
        #expect(weapons.divisionTitle == "Security, fire-fighting, police and defence equipment")
        #expect(try CPVCode("35811300-5").title == "Military uniforms")
        #expect(try CPVCode("35613000-4").title == "Unmanned aerial vehicles")
        #expect(try CPVCode("03000000-1").division == "03")
    }

    /// `09100000-0` and `09134220-5` are official codes that do not follow the usual check-digit formula, so only a
    /// lookup accepts them (domain.md §1.6).
    @Test(arguments: ["09100000-0", "09134220-5", "98910000-5", "99999999-9"])
    func acceptsListedCodesWhateverTheirCheckDigit(_ raw: String) throws {
        #expect(try CPVCode(raw).value == raw)
    }

    @Test func trimsWhitespace() throws {
        #expect(try CPVCode("  35811300-5\n") == CPVCode("35811300-5"))
    }

    @Test func listIsTheFullVocabulary() {
        #expect(CPVCode.count == 9458)
        #expect(CPVCode.title(of: "45000000-7") == "Construction work")
        #expect(CPVCode.title(of: "45000000-1") == nil)
    }

    @Test(arguments: ["35300000", "353000007", "3530000-7", "35300000-x", "35300000–7", "35300000-77", "A5300000-7", ""])
    func rejectsMalformedCodes(_ raw: String) {
        #expect(
            domainError { try CPVCode(raw) }
                == .invalidField(
                    field: "cpv",
                    code: "invalid-cpv",
                    reason: "must have the form NNNNNNNN-C (8 digits, a hyphen, a check digit), got \"\(raw)\""
                )
        )
    }

    @Test func rejectsAWrongCheckDigitNamingTheRightOne() {
        #expect(
            domainError { try CPVCode("35300000-5", field: "lots[0].cpv") }
                == .invalidField(
                    field: "lots[0].cpv",
                    code: "invalid-cpv",
                    reason: "check digit of 35300000 is 7, not 5 (35300000-7 Weapons, ammunition and associated parts)"
                )
        )
    }

    @Test func rejectsCodesThatAreNotInTheList() {
        #expect(
            domainError { try CPVCode("35399999-1") }
                == .invalidField(field: "cpv", code: "invalid-cpv", reason: "35399999-1 is not in the CPV 2008 / DK 021:2015 list")
        )
        #expect(domainError { try CPVCode("01000000-0") }?.code == "invalid-cpv")
    }

    @Test func codableAsASingleString() throws {
        let (json, decoded) = try roundTrip(try CPVCode("35811300-5"), key: "cpv")
        #expect(json == #"{"cpv":"35811300-5"}"#)
        #expect(decoded.title == "Military uniforms")
        let context = try #require(try decodingFailure(CPVCode.self, raw: "35399999-1", key: "classification"))
        #expect(context.debugDescription == "35399999-1 is not in the CPV 2008 / DK 021:2015 list")
        #expect(
            context.underlyingError as? DomainError
                == .invalidField(field: "classification", code: "invalid-cpv", reason: "35399999-1 is not in the CPV 2008 / DK 021:2015 list")
        )
    }

    @Test func decodingRejectsANonString() throws {
        let data = Data(#"{"cpv": 35300000}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: CPVCode].self, from: data) }
    }
}
