import Foundation
@testable import PlanEngine
import PlanModel
import Testing

/// The two shortcuts around Decimal's slow long division give exactly what the division gives:
/// `dividedByHundred` for the weighted pipeline, the whole-number quotient in a score's points.
struct DecimalShortcutTests {
    @Test func dividingByAHundredMovesTheExponent() {
        let written = ["0", "1", "-1", "12.5", "-0.07", "2400000", "99999999999999999999999999.99", "0.000000001",
                       "123456789.123456789", "5E+20"]
        for text in written {
            let value = Decimal(string: text)!
            #expect(value.dividedByHundred == value / 100, "\(text)")
            #expect(value.dividedByHundred.plainString == (value / 100).plainString, "\(text)")
        }
        for cents in stride(from: -100_000, through: 100_000, by: 997) {
            let value = Decimal(cents) * Decimal(string: "37.5")!
            #expect(value.dividedByHundred == value / 100)
        }
        #expect(Decimal.nan.dividedByHundred.isNaN)
    }

    @Test func pointsOfWholeFractionsAreThoseOfTheDivision() {
        for weight in [0, 1, 10, 15, 25, 30, 40, 100] {
            for numerator in 0...13 {
                for denominator in 1...13 {
                    let (n, d) = (Decimal(numerator), Decimal(denominator))
                    let expected = n == 0 ? 0 : n == d ? Decimal(weight) : Decimal(weight) * n / d
                    #expect(HealthScore.points(weight: weight, n, d) == expected, "\(weight) × \(numerator)/\(denominator)")
                }
            }
        }
        // Fractions and amounts take the division.
        #expect(HealthScore.wholeQuotient(weight: 30, Decimal(string: "2.5")!, 5) == nil)
        #expect(HealthScore.wholeQuotient(weight: 30, 1, 7) == nil)
        #expect(HealthScore.wholeQuotient(weight: 30, 4, 5) == 24)
        #expect(HealthScore.points(weight: 30, Decimal(string: "1234567.89")!, 2_000_000) == Decimal(30) * Decimal(string: "1234567.89")! / 2_000_000)
        #expect(HealthScore.smallInteger(Decimal(string: "1E+30")!) == nil && HealthScore.smallInteger(Decimal(2_000_000)) == 2_000_000)
    }
}
