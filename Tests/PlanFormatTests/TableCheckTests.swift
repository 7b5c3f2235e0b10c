@testable import PlanFormat
import Testing
import TestSupport

/// `TableFormatter.isFormatted` answers without formatting: when it says yes, formatting must
/// give the very same lines; and a plain table that was formatted must get a yes.
struct TableCheckTests {
    static let words = ["", "a", "ID", "Name", "opp-01", "CNY 3.84M", "45%", "2027-12-25", "x  y", "decision-maker", "中文",
                        "a\\|b", "\tt", "|"]
    static let delimiters = ["---", ":--", "--:", ":-:", "-", "----------", ":---------:", "- -", "abc"]

    static func cell(_ text: String, _ random: inout SplitMix64) -> String {
        let left = Int(random.next() % 3), right = Int(random.next() % 3)
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: right)
    }

    static func row(_ cells: [String], _ random: inout SplitMix64) -> [UInt8] {
        Array(("|" + cells.map { cell($0, &random) }.joined(separator: "|") + "|").utf8)
    }

    @Test func aYesMeansFormattingChangesNothing() {
        var random = SplitMix64(seed: 43)
        var yes = 0
        for round in 0..<20_000 {
            let columns = Int.random(in: 1...4, using: &random)
            let rows = Int.random(in: 0...4, using: &random)
            let plain = random.next() % 2 == 0 // only words a plain table holds
            func word() -> String {
                let pool = plain ? Array(Self.words.prefix(10)) : Self.words
                return pool[Int(random.next() % UInt64(pool.count))]
            }
            var header = Self.row((0..<columns).map { _ in word() }, &random)
            var delimiter = Self.row((0..<columns).map { _ in Self.delimiters[Int(random.next() % (plain ? 7 : UInt64(Self.delimiters.count)))] }, &random)
            var body = (0..<rows).map { _ in Self.row((0..<(columns + (random.next() % 7 == 0 ? 1 : 0))).map { _ in word() }, &random) }
            // Half the time, the table as fmt writes it (then a plain one must get a yes).
            let formattedFirst = random.next() % 2 == 0
            if formattedFirst, let lines = TableFormatter.format(header: header[...], delimiter: delimiter[...], body: body.map { $0[...] }) {
                (header, delimiter, body) = (lines[0], lines[1], Array(lines.dropFirst(2)))
                // Now and then one column one space too wide in every row: aligned, but not as fmt writes it.
                if random.next() % 4 == 0, let pipe = delimiter.indices.dropFirst().first(where: { delimiter[$0] == UInt8(ascii: "|") }) {
                    func widened(_ row: [UInt8], _ byte: UInt8) -> [UInt8] {
                        guard pipe < row.count else { return row }
                        var row = row
                        row.insert(byte, at: pipe - 1)
                        return row
                    }
                    let dash = delimiter[pipe - 2] == UInt8(ascii: ":") ? UInt8(ascii: ":") : UInt8(ascii: "-")
                    var widenedDelimiter = widened(delimiter, UInt8(ascii: " "))
                    widenedDelimiter[pipe - 1] = dash
                    if dash == UInt8(ascii: ":") { widenedDelimiter[pipe - 2] = UInt8(ascii: "-") }
                    (header, delimiter, body) = (widened(header, UInt8(ascii: " ")), widenedDelimiter, body.map { widened($0, UInt8(ascii: " ")) })
                }
            }
            let answer = TableFormatter.isFormatted(header: header[...], delimiter: delimiter[...], body: body.map { $0[...] })
            let formatted = TableFormatter.format(header: header[...], delimiter: delimiter[...], body: body.map { $0[...] })
            if answer {
                yes += 1
                #expect(formatted == [header, delimiter] + body, "round \(round): \(String(decoding: header, as: UTF8.self))")
            } else if formattedFirst, plain, formatted == [header, delimiter] + body,
                      body.allSatisfy({ $0.filter { $0 == UInt8(ascii: "|") }.count == columns + 1 }) {
                let text = ([header, delimiter] + body).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
                Issue.record("round \(round): a formatted plain table got a no:\n\(text)")
                return
            }
        }
        #expect(yes > 2_000, "\(yes)")
    }
}
