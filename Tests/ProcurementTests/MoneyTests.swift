import Foundation
import Procurement
import Testing

@Suite struct MoneyTests {
    @Test func parsesDecimalsExactly() throws {
        let money = try Money(parsing: "0.30", .UAH)
        #expect(money.amount == Decimal(string: "0.3"))
        #expect(try money.adding(Money(parsing: "0.10", .UAH)).amountText == "0.40")
        #expect(try Money(parsing: "1250000", .EUR).amountText == "1250000.00")
        #expect(try Money(parsing: "7", .JPY).amountText == "7")
    }

    @Test(arguments: [
        ("0", "0.00"), ("7", "7.00"), ("1250000.5", "1250000.50"), ("0.01", "0.01"), ("000012.30", "12.30"),
        ("999999999999999", "999999999999999.00"), ("999999999999.99", "999999999999.99"),
    ])
    func readsPlainDecimals(text: String, expected: String) throws {
        #expect(try Money(parsing: text, .UAH).amountText == expected)
    }

    @Test(arguments: [
        "", "-", ".", "1.", ".5", "1.2.3", "1e5", " 1", "1 ", "+1", "1,000.00", "١٢", "1234567890123456789", "1.1234567", "0x10", "1_000", "abc",
    ])
    func refusesAnythingElse(text: String) {
        #expect(
            throws: DomainError.invalidField(
                field: "amount",
                code: "invalid-amount",
                reason: "\"\(text)\" is not a decimal amount like \"1250000.00\""
            )
        ) {
            try Money(parsing: text, .UAH)
        }
    }

    @Test func refusesNegativeAndOverPreciseAmountsWithTheirOwnCodes() {
        #expect(throws: DomainError.invalidField(field: "amount", code: "negative-amount", reason: "amount must not be negative")) {
            try Money(parsing: "-5.00", .UAH)
        }
        #expect(throws: DomainError.self) { try Money(parsing: "1.001", .UAH) }
        #expect(throws: DomainError.self) { try Money(parsing: "1000000000000000", .UAH) }
    }

    /// The hand-written reader agrees with Foundation's on random amounts of every shape it accepts.
    @Test func agreesWithFoundationOnRandomAmounts() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let whole = String(UInt64.random(in: 0...999_999_999_999_999, using: &generator))
            let digits = Int.random(in: 0...2, using: &generator)
            let fraction = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let text = digits == 0 ? whole : whole + "." + fraction
            let parsed = try Money(parsing: text, .UAH).amount
            #expect(parsed == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(text)")
        }
    }

    @Test func roundTripsThroughJSONAsAString() throws {
        let data = try EventCoding.encoder.encode(try Money(parsing: "1234567.89", .USD))
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"1234567.89","currency":"USD"}"#)
        #expect(try EventCoding.decoder.decode(Money.self, from: data) == Money(parsing: "1234567.89", .USD))
        #expect(throws: DecodingError.self) { try EventCoding.decoder.decode(Money.self, from: Data(#"{"amount":"-5","currency":"USD"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try EventCoding.decoder.decode(Money.self, from: Data(#"{"amount":"5","currency":"XXX"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try EventCoding.decoder.decode(Money.self, from: Data(#"{"amount":5,"currency":"USD"}"#.utf8)) }
    }

    @Test func refusesMixingCurrencies() throws {
        #expect(throws: DomainError.self) { try Money(parsing: "1", .USD).adding(Money(parsing: "1", .EUR)) }
    }
}
