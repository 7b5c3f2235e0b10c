import Foundation
import PlanModel
import PlanReports
import Testing

/// `Format.amount`: thousands separators, rounded half away from zero to cents, no trailing
/// zeros; the fast integer path must agree with Foundation's rounding everywhere.
struct FastAmountTests {
    static func exact(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    /// The reference: Foundation's rounding and string conversion, then grouping.
    static func reference(_ value: Decimal) -> String {
        let text = value.roundedToCents.plainString
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", maxSplits: 1)
        var grouped = ""
        for (index, character) in parts[0].reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    @Test(arguments: [
        ("0", "0"), ("1", "1"), ("999", "999"), ("1000", "1,000"), ("2400000", "2,400,000"), ("1250.5", "1,250.5"),
        ("1250.50", "1,250.5"), ("0.05", "0.05"), ("0.005", "0.01"), ("0.004", "0"), ("-0.004", "0"), ("2.675", "2.68"),
        ("-2.675", "-2.68"), ("99.995", "100"), ("750.0075", "750.01"), ("-1234567.891", "-1,234,567.89"),
        ("8765432020.15", "8,765,432,020.15"), ("18446744073709551615", "18,446,744,073,709,551,615"),
        ("123456789012345678901234567890", "123,456,789,012,345,678,901,234,567,890"), ("0.000000000000000000001", "0"),
    ])
    func amounts(text: String, expected: String) {
        #expect(Format.amount(Self.exact(text)) == expected)
        #expect(Self.reference(Self.exact(text)) == expected)
    }

    @Test func amountsAsMoneyParsesThem() throws {
        // "2.4M" is 24 × 10^5 inside: a positive exponent.
        #expect(Format.amount(try Money.parse("CNY 2.4M").get().amount) == "2,400,000")
        #expect(Format.amount(try Money.parse("1.5B").get().amount) == "1,500,000,000")
        #expect(Format.amount(try Money.parse("300k").get().amount) == "300,000")
    }

    @Test func fastPathAgreesWithFoundation() {
        var value = Self.exact("0.0001")
        let factors = [Self.exact("7.3"), Self.exact("1.0375"), Self.exact("13"), Self.exact("0.61")]
        for step in 0..<4000 {
            value = value * factors[step % factors.count]
            if value > Self.exact("1e30") { value = value / Self.exact("1e27") }
            for candidate in [value, -value, value / 100 * 75, value * 1000] {
                #expect(Format.amount(candidate) == Self.reference(candidate), "\(candidate)")
            }
        }
    }
}
