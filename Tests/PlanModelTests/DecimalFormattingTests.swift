import Foundation
@testable import PlanModel
import Testing
import TestSupport

/// How amounts are written out: no exponent, `.` as decimal point, exact to two decimals in JSON.
struct DecimalFormattingTests {
    static func exact(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    @Test(arguments: [
        ("2400000", "2400000"), ("0.1", "0.1"), ("1250.50", "1250.5"), ("0", "0"), ("-3.25", "-3.25"),
        ("1500000000", "1500000000"), ("123456789012.34", "123456789012.34"), ("0.000001", "0.000001"),
    ])
    func plainString(text: String, expected: String) {
        #expect(Self.exact(text).plainString == expected)
    }

    @Test func plainStringHasNoExponent() throws {
        let billion = try Money.parse("1.5B").get().amount
        #expect(billion.plainString == "1500000000")
        let tiny = Decimal(sign: .plus, exponent: -4, significand: 5)
        #expect(tiny.plainString == "0.0005")
        #expect((Decimal(1) / Decimal(3)).plainString == "0.3333333333")
    }

    @Test(arguments: [
        ("2.345", "2.35"), ("2.344", "2.34"), ("0.005", "0.01"), ("0.004", "0"), ("1065000", "1065000"),
        ("1.1", "1.1"), ("99.995", "100"), ("12.5", "12.5"),
    ])
    func roundedToCentsHalfUp(text: String, expected: String) {
        #expect(Self.exact(text).roundedToCents == Self.exact(expected))
    }

    @Test func roundedToCentsOfAWeightedAmount() throws {
        // 1,234,567.89 × 35% = 432,098.7615 → 432,098.76
        let amount = try Money.parse("1,234,567.89").get().amount
        let weighted = amount * Self.exact("35") / Decimal(100)
        #expect(weighted == Self.exact("432098.7615"))
        #expect(weighted.roundedToCents == Self.exact("432098.76"))
        #expect(weighted.roundedToCents.plainString == "432098.76")
    }

    /// Foundation's way, which `plainString` takes whenever its fast path does not apply.
    static func reference(_ value: Decimal) -> String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 10, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// The fast path writes what NSDecimalNumber writes, for values as plans and arithmetic make
    /// them and for a significand with trailing zeros (`1.50` stays `1.50`, as Foundation has it).
    @Test func fastPlainStringAgreesWithFoundation() {
        #expect(DecimalSum.layoutIsKnown)
        var random = SplitMix64(seed: 23)
        var checked = 0
        for _ in 0..<20_000 {
            let significand = UInt64.random(in: 0...(random.next() % 3 == 0 ? UInt64.max : 9_999_999), using: &random)
            let exponent = Int.random(in: -25...25, using: &random)
            var value = Decimal(sign: random.next() % 5 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            switch random.next() % 4 {
            case 0: value = value * Decimal(Int.random(in: 1...100, using: &random))
            case 1: value = value / Decimal(Int.random(in: 1...9, using: &random))
            default: break
            }
            if value.fastPlainString != nil { checked += 1 }
            #expect(value.plainString == Self.reference(value), "\(value)")
        }
        #expect(checked > 5_000)
        // A significand with trailing zeros (Foundation's arithmetic compacts them away; Decimal's
        // storage can hold them): written with them, as NSDecimalNumber writes them.
        var uncompacted = Decimal(string: "1.5")!
        withUnsafeMutableBytes(of: &uncompacted) { raw in
            raw[0] = UInt8(bitPattern: -2)
            raw[4] = 150
        }
        #expect(uncompacted.plainString == Self.reference(uncompacted))
        #expect(uncompacted.plainString == "1.50")
    }
}
