import Foundation
import Procurement
import Testing

@Suite("NCAGE")
struct NCAGETests {
    @Test(
        "accepts codes that follow the issuing country's pattern",
        arguments: [
            ("C1234", "DEU"), ("D0A92", "DEU"), ("B12C4", "BEL"), ("B12C4", "LUX"), ("F1234", "FRA"), ("M9ZZ9", "FRA"),
            ("A1234", "ITA"), ("1234G", "CZE"), ("L1234", "CAN"), ("12345", "CAN"), ("R0001", "DNK"), ("J1234", "JPN"),
            ("1ABCJ", "EST"), ("A123A", "CHL"), ("Z9999", "AUS"), ("D12AP", "IRL"), ("0ABC1", "USA"), ("1RRB7", "USA"),
            ("81349", "USA"),
            // No national pattern known: NSPA-assigned S***#. Ukraine's NCB status is unconfirmed.
            ("S1AB2", "UKR"), ("S0001", "POL"),
        ]
    )
    func acceptsNationalPatterns(_ raw: String, _ country: String) throws {
        let code = try NCAGE(raw, country: country)
        #expect(code.value == raw)
        #expect(code.description == raw)
        #expect(code.isValid(forCountry: country))
    }

    @Test func rejectsAnotherCountrysPattern() {
        #expect(
            domainError { try NCAGE("F1234", country: "DEU") }
                == .invalidField(field: "ncage", code: "invalid-ncage", reason: "F1234 does not match the NCAGE pattern for DEU: C***# or D***#")
        )
        #expect(
            domainError { try NCAGE("1234H", country: "CZE") }
                == .invalidField(field: "ncage", code: "invalid-ncage", reason: "1234H does not match the NCAGE pattern for CZE: #***G")
        )
        #expect(
            domainError { try NCAGE("C1234", country: "USA") }
                == .invalidField(field: "ncage", code: "invalid-ncage", reason: "C1234 does not match the NCAGE pattern for USA: #***#")
        )
        #expect(domainError { try NCAGE("A123B", country: "CHL") }?.code == "invalid-ncage")
        #expect(domainError { try NCAGE("1234A", country: "ITA") }?.code == "invalid-ncage")
    }

    @Test func countriesWithoutANationalPatternTakeNSPAs() {
        #expect(NCAGE.patterns(forCountry: "UKR") == ["S***#"])
        #expect(NCAGE.patterns(forCountry: "DEU") == ["C***#", "D***#"])
        #expect(NCAGE.nspaPattern == "S***#")
        #expect(
            domainError { try NCAGE("12345", country: "UKR") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "12345 does not match the NCAGE pattern for UKR: S***# (NSPA-assigned; no national pattern known for UKR)"
                )
        )
    }

    @Test func usCageNeverUsesIOrO() throws {
        #expect(
            domainError { try NCAGE("1IAB2", country: "USA") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "1IAB2 contains the letter I; US CAGE codes never use the letters I and O"
                )
        )
        #expect(
            domainError { try NCAGE("1ABO2", country: "USA") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "1ABO2 contains the letter O; US CAGE codes never use the letters I and O"
                )
        )
        // The I/O rule is American: the same letters are fine in a German code.
        #expect(try NCAGE("DIO01", country: "DEU").value == "DIO01")
    }

    @Test func rejectsWrongLengthAndCharacters() {
        #expect(
            domainError { try NCAGE("C123", country: "DEU") }
                == .invalidField(field: "ncage", code: "invalid-ncage", reason: "must be 5 characters, got 4")
        )
        #expect(
            domainError { try NCAGE("C12345", country: "DEU") }
                == .invalidField(field: "ncage", code: "invalid-ncage", reason: "must be 5 characters, got 6")
        )
        #expect(
            domainError { try NCAGE("C12-4", country: "DEU") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "must contain only uppercase letters A-Z and digits 0-9, got \"C12-4\""
                )
        )
        #expect(
            domainError { try NCAGE("c1234", country: "DEU") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "must contain only uppercase letters A-Z and digits 0-9, got \"c1234\""
                )
        )
    }

    @Test func rejectsAMalformedCountry() {
        #expect(
            domainError { try NCAGE("C1234", country: "DE", field: "site.ncage") }
                == .invalidField(
                    field: "site.ncage",
                    code: "invalid-country",
                    reason: "issuing country must be an ISO 3166-1 alpha-3 code such as \"DEU\", got \"DE\""
                )
        )
        #expect(domainError { try NCAGE("C1234", country: "deu") }?.code == "invalid-country")
    }

    @Test func countryBlindCheckAcceptsAnyKnownPattern() throws {
        #expect(try NCAGE(" C1234 ").value == "C1234")
        #expect(try NCAGE("S0001").value == "S0001")
        #expect(
            domainError { try NCAGE("ABCDE") }
                == .invalidField(
                    field: "ncage",
                    code: "invalid-ncage",
                    reason: "ABCDE does not match the NCAGE pattern of any known issuing nation or of NSPA"
                )
        )
        #expect(!(try NCAGE("C1234")).isValid(forCountry: "FRA"))
    }

    @Test func codableAsASingleString() throws {
        let (json, decoded) = try roundTrip(try NCAGE("D0A92", country: "DEU"), key: "ncage")
        #expect(json == #"{"ncage":"D0A92"}"#)
        #expect(decoded == (try NCAGE("D0A92", country: "DEU")))
        let context = try #require(try decodingFailure(NCAGE.self, raw: "ABCDE", key: "ncage"))
        #expect(context.debugDescription == "ABCDE does not match the NCAGE pattern of any known issuing nation or of NSPA")
        #expect((context.underlyingError as? DomainError)?.code == "invalid-ncage")
    }
}
