import Foundation
import PlanModel
import Testing

/// PLAN_FORMAT.md §5, money: `[CUR ]NUMBER[SUFFIX]`, exact decimal arithmetic.
struct MoneyTests {
    /// An exact decimal from its text (never through a Double).
    static func exact(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    @Test(arguments: [
        ("2400000", "2400000", nil),
        ("2,400,000", "2400000", nil),
        ("CNY 2.4M", "2400000", "CNY"),
        ("300k", "300000", nil),
        ("USD 1,250.50", "1250.50", "USD"),
        ("1.5B", "1500000000", nil),
        ("1.5b", "1500000000", nil),
        ("0.5m", "500000", nil),
        ("EUR 80k", "80000", "EUR"),
        ("0", "0", nil),
        ("999", "999", nil),
        ("1,000", "1000", nil),
        ("12,345,678.90", "12345678.9", nil),
        ("  300k  ", "300000", nil),
    ] as [(String, String, String?)])
    func parsesValidAmounts(text: String, amount: String, currency: String?) throws {
        let money = try Money.parse(text).get()
        #expect(money.amount == Self.exact(amount))
        #expect(money.currency == currency)
    }

    @Test(arguments: [
        ("2,40,000", Money.SyntaxError.badThousands),
        ("1,000,00", .badThousands),
        ("1000,000", .badThousands),
        (",100", .badThousands),
        ("1,000.5,0", .badThousands),
        ("-5", .negative),
        ("CNY -5", .negative),
        ("12e6", .notANumber),
        ("1.2.3", .notANumber),
        (".5", .notANumber),
        ("5.", .notANumber),
        ("300K", .notANumber),
        ("2.4mm", .notANumber),
        ("usd 5", .badCurrency("usd")),
        ("US 5", .badCurrency("US")),
        ("USDX 5", .badCurrency("USDX")),
        ("", .empty),
        ("   ", .empty),
        ("12345678901234567890", .tooLarge),
    ] as [(String, Money.SyntaxError)])
    func rejectsInvalidAmounts(text: String, error: Money.SyntaxError) {
        #expect(throws: error) { try Money.parse(text).get() }
    }

    /// Invalid, whatever reason the parser gives.
    @Test(arguments: ["k", "M", "CNY", "CNY ", "CNY2.4M", "2.4 million", "CNY 2.4 M", "¥100", "2 400 000", "CNY CNY 5"])
    func rejectsOtherInvalidAmounts(text: String) {
        #expect(throws: Money.SyntaxError.self) { try Money.parse(text).get() }
    }

    @Test func suffixesScaleExactly() throws {
        #expect(try Money.parse("2.4M").get().amount == Decimal(2_400_000))
        #expect(try Money.parse("2.4M").get().amount.plainString == "2400000")
        #expect(try Money.parse("0.001k").get().amount == Decimal(1))
        #expect(try Money.parse("1.234567B").get().amount == Decimal(1_234_567_000))
    }

    @Test func arithmeticIsExactDecimal() throws {
        let a = try Money.parse("0.1").get().amount
        let b = try Money.parse("0.2").get().amount
        let c = try Money.parse("0.3").get().amount
        #expect(a + b == c)
        #expect((a + b).plainString == "0.3")
        // Binary floating point would not get this right; a thousand dimes are exactly 100.
        var total = Decimal(0)
        for _ in 0..<1000 { total += a }
        #expect(total == Decimal(100))
    }

    @Test func descriptionShowsCodeAndPlainNumber() throws {
        #expect(try Money.parse("CNY 2.4M").get().description == "CNY 2400000")
        #expect(try Money.parse("1,250.50").get().description == "1250.5")
        #expect(Money(Self.exact("1.5"), currency: "USD").description == "USD 1.5")
    }

    @Test func parseDecimalWithoutThousands() throws {
        #expect(throws: Money.SyntaxError.badThousands) {
            try Money.parseDecimal(Substring("1,000"), allowThousands: false).get()
        }
        #expect(try Money.parseDecimal(Substring("12.50"), allowThousands: false).get() == Self.exact("12.5"))
    }
}
