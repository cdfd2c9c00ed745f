import Testing

@testable import WebUI

/// The QR encoder against the standard: its Reed–Solomon example, the byte capacities of level M, the finder
/// patterns and the format information. The browser test decodes a real one with a scanner (zbar).
@Suite struct QRCodeTests {
    @Test func reedSolomonMatchesTheStandardsExample() {
        // ISO/IEC 18004 Annex I: "01234567" as version 1-M.
        let data: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(QRCode.reedSolomonRemainder(data, QRCode.reedSolomonDivisor(10)) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }

    @Test func theSmallestVersionThatHoldsTheTextIsChosen() {
        // Byte capacities of level M, versions 1 to 10.
        for (version, capacity) in [14, 26, 42, 62, 84, 106, 122, 152, 180, 213].enumerated() {
            #expect(QRCode(String(repeating: "a", count: capacity))?.size == 21 + 4 * version)
            #expect(QRCode(String(repeating: "a", count: capacity + 1))?.size == 25 + 4 * version)
        }
        #expect(QRCode(String(repeating: "a", count: 2331)) != nil)
        #expect(QRCode(String(repeating: "a", count: 2332)) == nil, "beyond version 40")
    }

    @Test func finderPatternsAndFormatInformationAreInPlace() throws {
        let code = try #require(QRCode("otpauth://totp/Quartermaster:officer@dpa.demo.mil.gov.ua?secret=ABCDEFGHIJKLMNOP&issuer=Quartermaster"))
        let m = code.modules
        let n = code.size
        for (x, y) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            #expect((0..<7).allSatisfy { m[y][x + $0] && m[y + 6][x + $0] && m[y + $0][x] && m[y + $0][x + 6] }, "finder ring at \(x),\(y)")
            #expect((2..<5).allSatisfy { i in (2..<5).allSatisfy { m[y + i][x + $0] } }, "finder core at \(x),\(y)")
        }
        let first = (0...5).map { m[$0][8] } + [m[7][8], m[8][8], m[8][7]] + (9..<15).map { m[8][14 - $0] }
        let second = (0..<8).map { m[8][n - 1 - $0] } + (8..<15).map { m[n - 15 + $0][8] }
        #expect(first == second, "both copies of the format information agree")
        let bits = first.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) } ^ 0x5412
        #expect(bits >> 13 == 0, "error correction level M")
        var remainder = bits
        for shift in (10..<15).reversed() where remainder >> shift & 1 == 1 { remainder ^= 0x537 << (shift - 10) }
        #expect(remainder == 0, "a valid BCH code word")
        #expect(m[n - 8][8], "the dark module")
    }
}
