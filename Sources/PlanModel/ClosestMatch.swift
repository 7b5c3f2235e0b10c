/// "Did you mean ...?" over one set of candidates, asked for many words: the candidates are
/// prepared once, grouped by length, and a word is compared only with those whose length could
/// be close enough. The comparison stops as soon as the words are too far apart, so a long
/// hostile value costs time in proportion to its length, not to its length squared.
///
/// A candidate is close when at most `max(1, min(3, its length / 3))` single-character edits
/// (insert, delete, replace) turn the lowercased word into it; the nearest wins and ties go to
/// the alphabetically first candidate, so the answer never depends on the candidates' order.
public struct ClosestMatch: Sendable {
    private struct Candidate: Sendable {
        var text: String
        var scalars: [Unicode.Scalar]
        var limit: Int
    }

    /// Candidates by their length in Unicode scalars.
    private var byLength: [Int: [Candidate]] = [:]
    private var exact: [String: String] = [:]
    /// The largest edit distance any candidate accepts.
    private static let widestLimit = 3

    public init(_ candidates: some Sequence<String>) {
        for text in candidates {
            if exact[text] == nil { exact[text] = text }
            let scalars = Array(text.unicodeScalars)
            let candidate = Candidate(text: text, scalars: scalars, limit: max(1, min(Self.widestLimit, text.count / 3)))
            byLength[scalars.count, default: []].append(candidate)
        }
    }

    /// The closest candidate to `word`, or nil when none is close.
    public func closest(to word: String) -> String? {
        let lowered = word.lowercased()
        if let match = exact[lowered] { return match }
        let scalars = Array(lowered.unicodeScalars)
        var best: (distance: Int, text: String)?
        let lengths = max(0, scalars.count - Self.widestLimit)...(scalars.count + Self.widestLimit)
        for length in lengths {
            for candidate in byLength[length] ?? [] {
                guard let distance = Self.editDistance(scalars, candidate.scalars, atMost: candidate.limit) else { continue }
                if best.map({ (distance, candidate.text) < ($0.distance, $0.text) }) ?? true {
                    best = (distance, candidate.text)
                }
            }
        }
        return best?.text
    }

    /// The edit distance of `a` and `b` when it is at most `bound`, else nil. Only the diagonal
    /// band `|i - j| <= bound` of the table is filled in, and a row whose every cell is above
    /// `bound` ends the search: time is linear in the length of the words.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        let n = a.count, m = b.count
        guard abs(n - m) <= bound else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let far = bound + 1 // any value above the bound: cells outside the band
        var previous = [Int](repeating: far, count: m + 1)
        var current = [Int](repeating: far, count: m + 1)
        for j in 0...min(m, bound) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - bound), high = min(m, i + bound)
            current[0] = i <= bound ? i : far
            if low > 1 { current[low - 1] = far }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, far)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < m { current[high + 1] = far }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[m] <= bound ? previous[m] : nil
    }
}
