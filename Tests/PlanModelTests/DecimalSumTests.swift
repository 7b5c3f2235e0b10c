import Foundation
@testable import PlanModel
import Testing
import TestSupport

/// `DecimalSum` must give what Foundation's `sum += value` gives: the same value in the same
/// representation (the bytes of the Decimal), whether the integer held the sum or handed it over.
struct DecimalSumTests {
    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    /// A random amount as plans write them, or (now and then) one far out of the usual range.
    static func amount(_ random: inout SplitMix64) -> Decimal {
        let significand = UInt64.random(in: 0...(random.next() % 4 == 0 ? UInt64.max : 99_999_999), using: &random)
        let exponent = Int.random(in: -8...9, using: &random)
        switch random.next() % 50 {
        case 0: return Decimal(sign: .plus, exponent: Int.random(in: 20...40, using: &random), significand: Decimal(significand))
        case 1: return Decimal(sign: .plus, exponent: Int.random(in: -40 ... -20, using: &random), significand: Decimal(significand))
        case 2: return Decimal(sign: .minus, exponent: exponent, significand: Decimal(significand))
        case 3: return Decimal(string: "123456789012345678901234567890.123")!
        default: return Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
        }
    }

    @Test func sumsEqualFoundationsByteForByte() {
        // Without the layout, every sum would be Foundation's and this test could not fail.
        #expect(DecimalSum.layoutIsKnown)
        var random = SplitMix64(seed: 17)
        for round in 0..<3000 {
            var sum = DecimalSum()
            var expected: Decimal = 0
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let value = Self.amount(&random)
                if random.next() % 3 == 0 {
                    let probability = Decimal(Int.random(in: 0...100, using: &random))
                    sum.add(value, times: probability)
                    expected += value * probability
                } else {
                    sum.add(value)
                    expected += value
                }
            }
            #expect(Self.bytes(sum.value) == Self.bytes(expected), "round \(round): \(sum.value) vs \(expected)")
            if Self.bytes(sum.value) != Self.bytes(expected) { return }
        }
    }

    @Test func amountsFromPlansAddExactly() throws {
        var sum = DecimalSum()
        var weighted = DecimalSum()
        for text in ["CNY 3.84M", "1260000", "150k", "3,960,000", "CNY 1720k", "0.17M", "USD 1,250.50", "500万"] {
            let amount = try Money.parse(text).get().amount
            sum.add(amount)
            weighted.add(amount, times: 45)
        }
        #expect(sum.value == Decimal(string: "16101250.5")!)
        #expect(weighted.value == Decimal(string: "724556272.5")!)
        #expect(DecimalSum().value == 0)
    }

    @Test func nanAndOverflowAreFoundations() {
        var sum = DecimalSum()
        sum.add(Decimal(5))
        sum.add(Decimal.nan)
        #expect(sum.value.isNaN)
        // 38 digits and more: Foundation rounds, and the sum is Foundation's from there.
        var big = DecimalSum()
        var expected: Decimal = 0
        for _ in 0..<40 {
            let value = Decimal(sign: .plus, exponent: 30, significand: Decimal(UInt64.max))
            big.add(value)
            expected += value
            let small = Decimal(sign: .plus, exponent: -7, significand: Decimal(3))
            big.add(small)
            expected += small
        }
        #expect(Self.bytes(big.value) == Self.bytes(expected))
    }

    /// The nearest Double of a Decimal (the score's estimates add them): from the significand and a
    /// table of powers of ten, the same Double as the significand times `pow(10, exponent)`.
    @Test func approximateDoubleIsTheSignificandTimesItsPowerOfTen() {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            let significand = UInt64.random(in: 0...(UInt64.max >> UInt64.random(in: 0...63, using: &generator)), using: &generator)
            let value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &generator),
                                significand: Decimal(significand))
            guard let (units, exponent) = DecimalSum.parts(value), let approximate = value.approximateDouble else { continue }
            compared += 1
            #expect(approximate == Double(units) * pow(10, Double(exponent)), "\(value)")
        }
        #expect(compared > 15_000)
        #expect(Decimal(string: "12.5")!.approximateDouble == 12.5 && Decimal(string: "-0.07")!.approximateDouble == -0.07)
    }
}
