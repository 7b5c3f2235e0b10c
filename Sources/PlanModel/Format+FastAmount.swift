import Foundation

extension Format {
    /// `amount` with integer arithmetic for the common case, a significand below 2^64 and at most
    /// 18 decimal places or 17 trailing zeros: Foundation's Decimal rounding and string conversion
    /// cost ~5 µs an amount, and a report of 10,000 accounts writes a quarter of a million.
    /// Rounds half away from zero to cents like `roundedToCents`; nil when the value is outside
    /// that range (the caller then takes the general path).
    /// 10^0 … 10^19, all that fit in a UInt64.
    private static let powersOfTen: [UInt64] = (0...19).map { (0..<$0).reduce(UInt64(1)) { power, _ in power * 10 } }

    static func fastAmount(_ value: Decimal) -> String? {
        // The significand and exponent read from the Decimal's storage (``DecimalSum``): asking
        // Foundation for them (`significand`, then an NSDecimalNumber's `uint64Value`) was most of the cost.
        guard let (signed, exponent) = DecimalSum.parts(value), (-18...17).contains(exponent) else { return nil }
        let digits = UInt64(signed.magnitude)
        let powers = powersOfTen
        // The amount in cents, rounded half away from zero.
        var cents: UInt64
        if exponent >= -2 {
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: powers[exponent + 2])
            guard !overflow else { return nil }
            cents = scaled
        } else {
            let divisor = powers[-exponent - 2]
            cents = digits / divisor
            if digits % divisor >= divisor / 2 { cents += 1 }
        }
        var integer = String(cents / 100)
        var grouped = ""
        grouped.reserveCapacity(integer.utf8.count + integer.utf8.count / 3 + 4)
        let count = integer.utf8.count
        for (index, character) in integer.enumerated() {
            if index > 0 && (count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        integer = grouped
        let fraction = cents % 100
        let decimals = fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : fraction < 10 ? ".0\(fraction)" : ".\(fraction)"
        return (value.isSignMinus && cents != 0 ? "-" : "") + integer + decimals
    }
}
