/// A Chinese command description broken into lines for an 80-column terminal before
/// ArgumentParser sees it. ArgumentParser wraps a description at spaces, counting characters:
/// Chinese has no spaces and each character takes two columns, so a paragraph ran on for 160
/// columns, and a paragraph with no space in 80 characters ran on to the next space it found —
/// the first space of the example below it, which lost its indentation (`acctplan log --help`).
/// Lines that start with a space (examples, their comments and `\` continuations) are kept as
/// written; every other line is broken between Chinese characters (or at a space) so that it
/// takes at most `width` columns, never before a closing mark (，。）…) or after an opening one.
enum HelpWrap {
    static func chinese(_ text: String, width: Int = 78) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(" ") || columns(line) <= width ? String(line) : wrap(line, width: width)
        }.joined(separator: "\n")
    }

    /// Marks a line does not start with, and marks it does not end with.
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", "…", "—", ")", ",", ".", ";", ":"]
    static let opening: Set<Character> = ["（", "《", "「", "『", "“", "‘", "("]

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value)
        }
    }

    static func columns(_ text: some StringProtocol) -> Int { text.reduce(0) { $0 + (isWide($1) ? 2 : 1) } }

    /// The pieces a line may break between: a wide character alone, a run of other characters
    /// (a word, an option, a path), or a space.
    static func tokens(_ line: Substring) -> [String] {
        var tokens: [String] = []
        var run = ""
        for character in line {
            if character == " " || isWide(character) {
                if !run.isEmpty { tokens.append(run); run = "" }
                tokens.append(String(character))
            } else {
                run.append(character)
            }
        }
        if !run.isEmpty { tokens.append(run) }
        return tokens
    }

    static func wrap(_ line: Substring, width: Int) -> String {
        var lines: [String] = []
        var current: [String] = [], used = 0
        for token in tokens(line) {
            if token == " " {
                if !current.isEmpty { current.append(token); used += 1 }
                continue
            }
            let size = columns(token)
            let hangs = token.count == 1 && closing.contains(token.first!)
            if current.isEmpty || used + size <= width || (hangs && used + size <= width + 2) {
                current.append(token)
                used += size
                continue
            }
            // Break: a trailing space goes, an opening mark moves to the next line with what it opens.
            var carried: [String] = []
            while let last = current.last, last == " " || (last.count == 1 && opening.contains(last.first!)) {
                current.removeLast()
                if last != " " { carried.insert(last, at: 0) }
            }
            if !current.isEmpty { lines.append(current.joined()) }
            current = carried + [token]
            used = columns(current.joined())
        }
        while current.last == " " { current.removeLast() }
        if !current.isEmpty { lines.append(current.joined()) }
        return lines.joined(separator: "\n")
    }
}
