import Foundation
@testable import PlanParser
import Testing

/// The table-shape guard counts the unescaped `|` of each line, skipping from pipe to pipe with
/// memchr; the byte-by-byte count is its definition. Held equal on generated bodies, refusals
/// (too many columns in a row, too many cells in all) included.
struct TableShapeTests {
    /// The definition: one pass, a pipe right after a backslash not counted.
    static func reference(_ body: [UInt8]) -> (lineIndex: Int, message: String)? {
        var (lineIndex, pipes, widest, widestLine, linesWithPipes, backslashes) = (0, 0, 0, 0, 0, 0)
        func endLine() -> (lineIndex: Int, message: String)? {
            if pipes > PlanParser.maxTableColumns {
                return (lineIndex, "a table row has \(pipes) '|' separators; the limit is \(PlanParser.maxTableColumns) columns")
            }
            if pipes > 0 {
                linesWithPipes += 1
                if pipes > widest { (widest, widestLine) = (pipes, lineIndex) }
            }
            pipes = 0
            return nil
        }
        for byte in body {
            switch byte {
            case UInt8(ascii: "|"):
                if backslashes == 0 { pipes += 1 }
                backslashes = 0
            case UInt8(ascii: "\\"): backslashes += 1
            case 0x0A:
                if let refusal = endLine() { return refusal }
                lineIndex += 1
                backslashes = 0
            default: backslashes = 0
            }
        }
        if let refusal = endLine() { return refusal }
        if linesWithPipes * widest > PlanParser.maxTableCells {
            return (widestLine, "the plan's tables would have \(linesWithPipes) rows of up to \(widest) cells; the limit is \(PlanParser.maxTableCells) cells")
        }
        return nil
    }

    @Test func theLineByLineCountEqualsTheBytewiseOne() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["|", "\\", "\\|", "\\\\|", "\n", "\r\n", "a", " ", "| a | b |", "浙江", "||||||||"].map { Array($0.utf8) }
        var (refusals, cellRefusals) = (0, 0)
        for round in 0..<3_000 {
            var body: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) { body += pieces.randomElement(using: &generator)! }
            if round % 10 == 0 { body += [UInt8](repeating: UInt8(ascii: "|"), count: Int.random(in: 250...260, using: &generator)) }
            if round % 97 == 0 {
                // Many rows of many cells: the cells limit.
                let row = [UInt8](repeating: UInt8(ascii: "|"), count: 200) + [0x0A]
                for _ in 0..<5_100 { body += row }
            }
            let expected = Self.reference(body)
            let found = PlanParser.tableShapeRefusal(body[...])
            if let expected { refusals += 1; if expected.message.hasSuffix("cells") { cellRefusals += 1 } }
            #expect(found?.lineIndex == expected?.lineIndex && found?.message == expected?.message, "round \(round)")
            // A slice that does not start at 0, as the body after a front matter is.
            let shifted = ([UInt8](repeating: 0x41, count: 7) + body)[7...]
            let foundShifted = PlanParser.tableShapeRefusal(shifted)
            #expect(foundShifted?.lineIndex == expected?.lineIndex && foundShifted?.message == expected?.message, "round \(round), shifted")
        }
        #expect(refusals > 150 && cellRefusals >= 20, "the generator reaches both refusals: \(refusals), \(cellRefusals)")
    }
}
