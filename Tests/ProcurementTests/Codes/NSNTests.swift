import Foundation
import Procurement
import Testing

@Suite("NSN")
struct NSNTests {
    @Test("accepts the three usual spellings", arguments: ["5905-00-734-5199", "5905 00 734 5199", "5905007345199", " 5905-00-734-5199 "])
    func acceptsSpellings(_ raw: String) throws {
        let nsn = try NSN(raw)
        #expect(nsn.value == "5905007345199")
        #expect(nsn.nsc == "5905")
        #expect(nsn.supplyGroup == "59")
        #expect(nsn.niin == "007345199")
        #expect(nsn.ncb == "00")
        #expect(nsn.serial == "7345199")
        #expect(nsn.formatted == "5905-00-734-5199")
        #expect(nsn.description == "5905-00-734-5199")
        #expect(nsn.supplyClassName == "RESISTORS")
        #expect(nsn.bureau?.country == "USA")
    }

    @Test func knownBureaus() throws {
        #expect(try NSN("8465-99-123-4567").bureau?.country == "GBR")
        #expect(try NSN("5820-12-345-6789").bureau?.name == "Germany")
        #expect(try NSN("1005-01-123-4567").bureau?.country == "USA")
        #expect(try NSN("2350-44-000-0001").bureau?.country == nil)  // United Nations
        #expect(NationalCodificationBureau.entry(forCode: "73")?.country == "SRB")
        #expect(NationalCodificationBureau.entry(forCode: "17")?.confirmed == false)
        #expect(NationalCodificationBureau.entries.count == 65)
    }

    @Test func acceptsUppercaseLettersInTheSerial() throws {
        let nsn = try NSN("5820-01-C12-3456")
        #expect(nsn.niin == "01C123456")
        #expect(nsn.serial == "C123456")
    }

    @Test func equalityUsesTheCanonicalForm() throws {
        #expect(try NSN("5905-00-734-5199") == NSN("5905007345199"))
        #expect(try NSN("5905-00-734-5199") != NSN("5905-00-734-5198"))
    }

    @Test func rejectsWrongLengthAndCharacters() {
        #expect(
            domainError { try NSN("5905-00-734-519") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "must be 13 characters after removing separators, got 12")
        )
        #expect(domainError { try NSN("5905-00-734-51999") }?.code == "invalid-nsn")
        #expect(
            domainError { try NSN("5905.00.734.5199") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "contains \".\"; only digits, letters, hyphens and spaces are allowed")
        )
    }

    @Test func rejectsANonNumericSupplyClassification() {
        #expect(
            domainError { try NSN("59A5-00-734-5199") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "supply classification \"59A5\" (positions 1-4) must be 4 digits")
        )
    }

    @Test func rejectsUnknownSupplyGroups() {
        #expect(
            domainError { try NSN("0405-00-734-5199") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "supply group 04 is not a known NATO supply group")
        )
        // Groups 21 and 33 are historical: no classes remain in them.
        #expect(domainError { try NSN("2110-00-734-5199") }?.code == "invalid-nsn")
    }

    @Test func rejectsUnknownSupplyClasses() {
        #expect(
            domainError { try NSN("5904-00-734-5199") }
                == .invalidField(
                    field: "nsn",
                    code: "invalid-nsn",
                    reason: "supply class 5904 is not a known class of group 59 (Electrical and Electronic Equipment Components)"
                )
        )
        // Group-level catch-all codes ending in 00 are not classes.
        #expect(domainError { try NSN("1000-00-734-5199") }?.code == "invalid-nsn")
    }

    @Test func rejectsUnknownOrMalformedBureaus() {
        #expect(
            domainError { try NSN("5905-0A-734-5199") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "NCB code \"0A\" (positions 5-6) must be 2 digits")
        )
        #expect(
            domainError { try NSN("5905-02-734-5199") }
                == .invalidField(field: "nsn", code: "invalid-nsn", reason: "NCB code 02 is not a known, assigned National Codification Bureau")
        )
        #expect(domainError { try NSN("5905-57-734-5199") }?.code == "invalid-nsn")
    }

    @Test func rejectsALowercaseSerial() {
        #expect(
            domainError { try NSN("5820-01-c12-3456", field: "items[0].nsn") }
                == .invalidField(
                    field: "items[0].nsn",
                    code: "invalid-nsn",
                    reason: "serial \"c123456\" (positions 7-13) must be 7 digits or uppercase letters"
                )
        )
    }

    @Test func codableAsTheCanonicalString() throws {
        let (json, decoded) = try roundTrip(try NSN("5905-00-734-5199"), key: "nsn")
        #expect(json == #"{"nsn":"5905007345199"}"#)
        #expect(decoded.formatted == "5905-00-734-5199")
        let context = try #require(try decodingFailure(NSN.self, raw: "5905-02-734-5199", key: "nsn"))
        #expect(context.debugDescription == "NCB code 02 is not a known, assigned National Codification Bureau")
        #expect((context.underlyingError as? DomainError)?.code == "invalid-nsn")
    }
}

@Suite("Supply classification")
struct SupplyClassificationTests {
    @Test func namesGroupsAndClasses() {
        #expect(SupplyClassification.name(ofClass: "5905") == "RESISTORS")
        #expect(SupplyClassification.name(ofClass: "1005") == "GUNS, THROUGH 30 MM")
        #expect(SupplyClassification.name(ofClass: "8470") == "ARMOR, PERSONAL")
        #expect(SupplyClassification.name(ofGroup: "59") == "Electrical and Electronic Equipment Components")
        #expect(SupplyClassification.name(ofGroup: "13") == "Ammunition and Explosives")
        #expect(SupplyClassification.name(ofClass: "5904") == nil)
        #expect(SupplyClassification.name(ofGroup: "21") == nil)
    }

    @Test(
        "knows the defence-relevant classes",
        arguments: [
            "1005", "1010", "1015", "1305", "1310", "1315", "1320", "1336", "1375", "1550", "1560", "1680", "2320", "2350", "5820",
            "5821", "5841", "5855", "5895", "5905", "5910", "5961", "6140", "6505", "6515", "6545", "7010", "8405", "8410", "8415",
            "8465", "8470", "8340", "8905", "8970", "9130", "9140",
        ]
    )
    func knowsClass(_ code: String) {
        #expect(SupplyClassification.name(ofClass: code) != nil)
    }

    @Test func tableIsWellFormed() {
        let classes = SupplyClassification.classCodes
        #expect(classes.count == 693)
        #expect(SupplyClassification.groupCodes.count == 78)
        #expect(classes.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) && !$0.hasSuffix("00") })
        #expect(classes.allSatisfy { SupplyClassification.name(ofGroup: String($0.prefix(2))) != nil })
    }
}
