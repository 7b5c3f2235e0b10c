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
        // Written as bytes into the string's own storage: the sign, the whole units grouped by
        // three, then "." and one or two digits of cents unless they are zero (no trailing zero).
        let whole = cents / 100
        let fraction = UInt8(truncatingIfNeeded: cents % 100)
        let negative = value.isSignMinus && cents != 0
        var digitCount = 1
        var rest = whole
        while rest >= 10 { rest /= 10; digitCount += 1 }
        // At most 1 + 18 digits + 5 commas + 3 = 27 bytes.
        return String(unsafeUninitializedCapacity: 32) { out in
            let integerEnd = (negative ? 1 : 0) + digitCount + (digitCount - 1) / 3
            var position = integerEnd
            var remaining = whole
            var written = 0
            repeat {
                if written > 0 && written % 3 == 0 { position -= 1; out[position] = UInt8(ascii: ",") }
                position -= 1
                out[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
                written += 1
            } while remaining > 0
            if negative { out[0] = UInt8(ascii: "-") }
            var length = integerEnd
            if fraction != 0 {
                out[length] = UInt8(ascii: ".")
                out[length + 1] = UInt8(ascii: "0") + fraction / 10
                length += 2
                if fraction % 10 != 0 {
                    out[length] = UInt8(ascii: "0") + fraction % 10
                    length += 1
                }
            }
            return length
        }
    }
}
