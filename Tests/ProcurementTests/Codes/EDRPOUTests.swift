import Foundation
import Procurement
import Testing

@Suite("EDRPOU")
struct EDRPOUTests {
    /// Valid codes from python-stdnum `tests/test_ua_edrpou.doctest` ("found online"), chosen to cover both weight
    /// vectors (first digit 3, 4 or 5 vs. the others) and the +2 re-weighting when the remainder is 10.
    @Test(
        "accepts real codes",
        arguments: [
            "00034022",  // Ministry of Defence of Ukraine
            "32855961", "00022438", "02010669", "14282338", "26615223",
            "30327425", "41399586", "43808820", "39592941",
            // re-weighted (remainder 10 on the first pass)
            "00131954", "01072609", "05489555", "20003749", "30674235", "40599600", "43573920",
        ]
    )
    func acceptsRealCodes(_ raw: String) throws {
        #expect(try EDRPOU(raw).value == raw)
    }

    @Test func trimsSurroundingWhitespaceAndDescribesItself() throws {
        let code = try EDRPOU(" 00034022\n")
        #expect(code.value == "00034022")
        #expect(code.description == "00034022")
        #expect(code == (try EDRPOU("00034022")))
    }

    @Test func rejectsWrongLength() {
        #expect(
            domainError { try EDRPOU("12345") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "must be 8 digits, got 5 characters")
        )
        #expect(
            domainError { try EDRPOU("000340220") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "must be 8 digits, got 9 characters")
        )
        #expect(
            domainError { try EDRPOU("") } == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "must be 8 digits, got 0 characters")
        )
    }

    @Test func rejectsNonDigits() {
        #expect(
            domainError { try EDRPOU("VV855961") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "must contain only digits 0-9, got \"VV855961\"")
        )
        #expect(domainError { try EDRPOU("0003 022") }?.code == "invalid-edrpou")
        // Full-width digits are digits to Unicode, not to the register.
        #expect(domainError { try EDRPOU("００００３４０２") }?.code == "invalid-edrpou")
    }

    @Test func rejectsBadCheckDigitOnEachBranch() {
        // plain weights 1..7
        #expect(
            domainError { try EDRPOU("00034021") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "check digit is 1, expected 2")
        )
        // first digit 3: weights 7,1,2,3,4,5,6 (python-stdnum's own negative example)
        #expect(
            domainError { try EDRPOU("32855968") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "check digit is 8, expected 1")
        )
        // re-weighted branch
        #expect(
            domainError { try EDRPOU("00131955") }
                == .invalidField(field: "edrpou", code: "invalid-edrpou", reason: "check digit is 5, expected 4")
        )
    }

    @Test func reportsTheCallersFieldName() {
        #expect(
            domainError { try EDRPOU("1", field: "supplier.edrpou") }
                == .invalidField(field: "supplier.edrpou", code: "invalid-edrpou", reason: "must be 8 digits, got 1 characters")
        )
    }

    @Test func codableAsASingleString() throws {
        let (json, decoded) = try roundTrip(try EDRPOU("00034022"), key: "edrpou")
        #expect(json == #"{"edrpou":"00034022"}"#)
        #expect(decoded.value == "00034022")
    }

    @Test func decodingValidates() throws {
        let context = try #require(try decodingFailure(EDRPOU.self, raw: "32855968", key: "buyerCode"))
        #expect(context.debugDescription == "check digit is 8, expected 1")
        #expect(context.codingPath.last?.stringValue == "buyerCode")
        #expect(
            context.underlyingError as? DomainError
                == .invalidField(field: "buyerCode", code: "invalid-edrpou", reason: "check digit is 8, expected 1")
        )
    }
}
