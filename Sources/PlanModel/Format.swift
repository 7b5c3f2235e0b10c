import Foundation

/// Number formatting for people: thousands separators, at most two decimals. In the model so that
/// the engine's texts (the health score's evidence) and every report write amounts alike.
public enum Format {
    public static func amount(_ value: Decimal) -> String {
        if let fast = fastAmount(value) { return fast }
        let text = value.roundedToCents.plainString
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var grouped = ""
        for (index, character) in integer.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + String(grouped.reversed()) + fraction
    }
}
