import Foundation
import PlanLocalization
import Testing

/// Every message and hint written in the code — the literal text of each `report(`, `finding(`,
/// `Finding(`, `ToolFailure(`, `Refusal(` and `Failure(` call — has a Chinese in the catalogue.
/// A value inside a message (`\(id)`, or code joined to the literal) may be any text or none, so
/// each is tried as "x1", "x2", … and as nothing (plural endings, optional parts).
struct SourceScanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    static let folders = ["PlanEngine", "PlanParser", "PlanWorkspace", "PlanServices"]
    static let calls = ["report(", "finding(", "Finding(", "ToolFailure(", "Refusal(", "Failure(", "ServiceWarning("]
    /// Messages that are not prose: file names and values passed along.
    static let ignoredLabels: Set<String> = ["path", "what", "at", "location", "reason", "code", "suggestion"]

    /// A piece of an argument: fixed text, or a value.
    enum Piece: Equatable { case text(String), value }

    static func messages() throws -> [(file: String, pieces: [Piece])] {
        var found: [(String, [Piece])] = []
        for folder in folders {
            let base = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for argument in arguments(in: Array(text)) {
                    found.append((folder + "/" + file, argument))
                }
            }
        }
        return found
    }

    /// The string-bearing arguments of every call of interest in `text`.
    static func arguments(in text: [Character]) -> [[Piece]] {
        var result: [[Piece]] = []
        var index = 0
        while index < text.count {
            guard let call = calls.first(where: { matches($0, text, at: index) }),
                  index == 0 || !(text[index - 1].isLetter || text[index - 1].isNumber || text[index - 1] == "_") else {
                index += 1
                continue
            }
            let before = String(text[max(0, index - 5)..<index])
            index += call.count
            if before.hasSuffix("func ") { continue }
            var depth = 1, pieces: [Piece] = [], label = ""
            func flush() {
                if pieces.contains(where: { if case .text = $0 { true } else { false } }), !ignoredLabels.contains(label) {
                    result.append(pieces)
                }
                pieces = []
                label = ""
            }
            while index < text.count, depth > 0 {
                let character = text[index]
                if character == "\"" {
                    let (literal, end) = stringLiteral(text, at: index)
                    if depth == 1 { pieces += literal } else if pieces.last != .value { pieces.append(.value) }
                    index = end
                    continue
                }
                if character == "(" || character == "[" { depth += 1 }
                if character == ")" || character == "]" { depth -= 1 }
                if depth == 0 { break }
                if depth == 1 && character == "," {
                    flush()
                } else if depth == 1 && character == ":" && pieces.isEmpty {
                    label = label.trimmingCharacters(in: .whitespacesAndNewlines)
                } else if pieces.isEmpty && (character.isLetter || character == "_") && depth == 1 {
                    label.append(character)
                } else if !character.isWhitespace && character != "+" && !pieces.isEmpty && pieces.last != .value {
                    pieces.append(.value)
                }
                index += 1
            }
            flush()
        }
        return result
    }

    static func matches(_ word: String, _ text: [Character], at index: Int) -> Bool {
        let characters = Array(word)
        guard index + characters.count <= text.count else { return false }
        return Array(text[index..<(index + characters.count)]) == characters
    }

    /// A string literal (plain or multi-line) at `index`: its text and values, and where it ends.
    static func stringLiteral(_ text: [Character], at index: Int) -> ([Piece], Int) {
        let multiline = matches("\"\"\"", text, at: index)
        var position = index + (multiline ? 3 : 1)
        var pieces: [Piece] = [], literal = ""
        var lines: [String] = []
        while position < text.count {
            if multiline ? matches("\"\"\"", text, at: position) : text[position] == "\"" {
                position += multiline ? 3 : 1
                break
            }
            if text[position] == "\\" && position + 1 < text.count {
                let next = text[position + 1]
                if next == "(" {
                    if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
                    pieces.append(.value)
                    var depth = 1
                    position += 2
                    while position < text.count, depth > 0 {
                        if text[position] == "(" { depth += 1 }
                        if text[position] == ")" { depth -= 1 }
                        position += 1
                    }
                    continue
                }
                literal.append(next == "n" ? "\n" : next)
                position += 2
                continue
            }
            literal.append(text[position])
            position += 1
        }
        if multiline {
            // Indentation and the first and last newlines are not part of a multi-line literal.
            // the closing delimiter's indentation is removed from every line.
            let all = literal.split(separator: "\n", omittingEmptySubsequences: false)
            let indentation = all.last?.count ?? 0
            lines = all.map { String($0.dropFirst(min(indentation, $0.prefix { $0 == " " }.count))) }
            literal = lines.dropFirst().dropLast().joined(separator: "\n")
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return (pieces, position)
    }

    /// Whether some filling of the values (each "xN" or nothing) reads in Chinese.
    static func translatable(_ pieces: [Piece]) -> Bool {
        let values = pieces.filter { $0 == .value }.count
        guard values <= 10 else { return false }
        for mask in 0..<(1 << values) {
            var text = "", hole = 0
            for piece in pieces {
                switch piece {
                case .text(let literal): text += literal
                case .value:
                    if mask & (1 << hole) != 0 { text += "x\(hole + 1)" }
                    hole += 1
                }
            }
            if Localizer.isTranslated(text) { return true }
        }
        return false
    }

    /// Messages composed of two others, each of which the catalogue has whole: `what: problem`
    /// is "front matter: {~1}" or "acctplan.yml: {~1}" (`FrontMatterReader`).
    /// And a plural chosen in code (" is" / "s are"): the catalogue has both sentences whole
    /// (`ErrorLineTests` reads them).
    static let composed: Set<String> = [
        "PlanParser/FrontMatterReader.swift: {}: {}",
        "PlanServices/UnreadableFiles.swift: {} account plan{} not counted: {}; 'acctplan lint' shows why",
    ]

    @Test func everyMessageInTheCodeHasAChinese() throws {
        let messages = try Self.messages()
        #expect(messages.count > 150, "the scan found only \(messages.count) messages: is it still reading the code?")
        var missing: [String] = []
        for (file, pieces) in messages where !Self.translatable(pieces) {
            let shown = file + ": " + pieces.map { if case .text(let text) = $0 { text } else { "{}" } }.joined()
            if !Self.composed.contains(shown) { missing.append(shown) }
        }
        #expect(missing.isEmpty, "no Chinese for \(missing.count) messages:\n\(missing.joined(separator: "\n"))")
    }
}
