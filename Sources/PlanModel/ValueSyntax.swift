import Foundation

/// The value syntaxes of PLAN_FORMAT.md §5 that are not money or dates.
public enum ValueSyntax {
    /// `^[a-z0-9][a-z0-9-]{0,63}$`: plan ids, person ids, stage ids, opportunity ids.
    public static func isValidID(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        func isAlnum(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        guard isAlnum(first) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A percent from 0 to 100, with or without `%`: `60%`, `60`, `12.5%`.
    public static func parsePercent(_ text: some StringProtocol) -> Decimal? {
        var rest = Substring(text).trimmingCharacters(in: .whitespaces)[...]
        if rest.last == "%" { rest = rest.dropLast() }
        rest = rest.trimmingCharacters(in: .whitespaces)[...]
        guard case .success(let value) = Money.parseDecimal(rest, allowThousands: false),
              value <= 100 else { return nil }
        return value
    }

    /// The closest candidate to a misspelt word, for "did you mean ...?" hints; nil when none is close.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            if candidate == lowered { return candidate }
            let distance = editDistance(lowered, candidate)
            let limit = max(1, min(3, candidate.count / 3))
            if distance <= limit, best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
