import Foundation
import PlanModel

/// How an LSP position counts characters within a line: UTF-16 code units (the protocol's
/// default) or UTF-8 bytes (when the client offers it). Chinese text makes the two differ.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    func units(_ scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return UTF16.width(scalar)
        }
    }
}

/// A zero-based line and a character offset in the negotiated encoding.
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSON { ["line": .int(line), "character": .int(character)] }

    public static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }
}

/// A range of a document: `[start, end)`.
public struct TextRange: Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(_ start: Position, _ end: Position) {
        self.start = start
        self.end = end
    }

    init?(_ json: JSON?) {
        guard let start = Position(json?["start"]), let end = Position(json?["end"]), start <= end else { return nil }
        self.init(start, end)
    }

    var json: JSON { ["start": start.json, "end": end.json] }
}

/// An open document: the editor's text, which is the truth while it is open.
public struct TextDocument: Sendable {
    public var uri: String
    /// Relative to the workspace root, with `/` separators.
    public var path: String
    public var version: Int
    public private(set) var text: String {
        didSet { lines = text.splitLines() }
    }
    /// The lines without their line ends (a `\r` before `\n` is not part of the line), split
    /// once per change of the text: positions of every diagnostic and edit are read from them.
    private(set) var lines: [Substring]

    public init(uri: String, path: String, version: Int, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        self.text = text
        self.lines = text.splitLines()
    }


    /// Replaces `range` (nil: everything) with `newText`. Positions past a line's end or the
    /// document's end are clamped, as the protocol asks.
    public mutating func apply(_ range: TextRange?, _ newText: String, encoding: PositionEncoding) {
        guard let range else {
            text = newText
            return
        }
        let start = index(of: range.start, encoding: encoding)
        let end = max(start, index(of: range.end, encoding: encoding))
        text.replaceSubrange(start..<end, with: newText)
    }

    /// The string index of an LSP position.
    func index(of position: Position, encoding: PositionEncoding) -> String.Index {
        var lineStart = text.startIndex
        var line = 0
        while line < position.line {
            // The byte LF, not the Character "\n" (a CRLF line end is the Character "\r\n").
            guard let newline = text.utf8[lineStart...].firstIndex(of: 0x0A) else { return text.endIndex }
            lineStart = text.utf8.index(after: newline)
            line += 1
        }
        var units = 0
        var index = lineStart
        let scalars = text.unicodeScalars
        while index < text.endIndex, units < position.character {
            let scalar = scalars[index]
            if scalar == "\n" || (scalar == "\r" && scalars.index(after: index) < text.endIndex && scalars[scalars.index(after: index)] == "\n") {
                break
            }
            units += encoding.units(scalar)
            index = scalars.index(after: index)
        }
        return index
    }

    /// The LSP position of a 1-based line and 1-based column counted in code points (as every
    /// acctplan diagnostic is).
    public func position(line: Int, column: Int, encoding: PositionEncoding) -> Position {
        let zeroLine = max(0, min(line - 1, lines.count - 1))
        guard lines.indices.contains(zeroLine) else { return Position(line: 0, character: 0) }
        let character = lines[zeroLine].unicodeScalars.prefix(max(0, column - 1)).reduce(0) { $0 + encoding.units($1) }
        return Position(line: zeroLine, character: character)
    }

    /// The 1-based line and code-point column of an LSP position, with that line's text.
    func location(of position: Position, encoding: PositionEncoding) -> (line: Int, column: Int, text: Substring)? {
        guard lines.indices.contains(position.line) else { return nil }
        let text = lines[position.line]
        var units = 0
        var column = 1
        for scalar in text.unicodeScalars {
            if units >= position.character { break }
            units += encoding.units(scalar)
            column += 1
        }
        return (position.line + 1, column, text)
    }

    /// The range of the whole document, for edits that replace it.
    func fullRange(encoding: PositionEncoding) -> TextRange {
        let lines = self.lines
        let last = lines.last.map { $0.unicodeScalars.reduce(0) { $0 + encoding.units($1) } } ?? 0
        return TextRange(Position(line: 0, character: 0), Position(line: max(0, lines.count - 1), character: last))
    }
}
