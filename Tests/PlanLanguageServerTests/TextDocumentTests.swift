@testable import PlanLanguageServer
import Testing

/// Positions in the two encodings a client may negotiate: Chinese text makes them differ.
struct TextDocumentTests {
    static let text = "---\nname: 浙江中烟\n---\n# 浙江中烟 😀 plan\n"

    @Test func codePointColumnsBecomeUTF16OrUTF8Offsets() {
        let document = TextDocument(uri: "file:///w/accounts/a.md", path: "accounts/a.md", version: 1, text: Self.text)
        // Column 8 of line 2 is "江", column 9 "中": 8 code points (12 UTF-8 bytes) before it.
        #expect(document.position(line: 2, column: 8, encoding: .utf16) == Position(line: 1, character: 7))
        #expect(document.position(line: 2, column: 9, encoding: .utf16) == Position(line: 1, character: 8))
        #expect(document.position(line: 2, column: 9, encoding: .utf8) == Position(line: 1, character: 12))
        // The emoji is two UTF-16 units and four UTF-8 bytes.
        #expect(document.position(line: 4, column: 10, encoding: .utf16) == Position(line: 3, character: 10))
        #expect(document.position(line: 4, column: 10, encoding: .utf8) == Position(line: 3, character: 20))
    }

    @Test func incrementalEditsApplyAtTheNegotiatedOffsets() {
        var utf8 = TextDocument(uri: "u", path: "accounts/a.md", version: 1, text: Self.text)
        // Replace "中烟" (bytes 12..<18 of line 2) with "卷烟厂".
        utf8.apply(TextRange(Position(line: 1, character: 12), Position(line: 1, character: 18)), "卷烟厂", encoding: .utf8)
        #expect(utf8.text == "---\nname: 浙江卷烟厂\n---\n# 浙江中烟 😀 plan\n")
        var utf16 = TextDocument(uri: "u", path: "accounts/a.md", version: 1, text: Self.text)
        utf16.apply(TextRange(Position(line: 1, character: 8), Position(line: 1, character: 10)), "卷烟厂", encoding: .utf16)
        #expect(utf16.text == utf8.text)
        // Right after the emoji (two UTF-16 units): offset 9 of line 4.
        utf16.apply(TextRange(Position(line: 3, character: 9), Position(line: 3, character: 9)), "!", encoding: .utf16)
        #expect(utf16.text.hasSuffix("# 浙江中烟 😀! plan\n"))
        // A position past the end of a line is clamped to it; past the end of the text, to the end.
        utf16.apply(TextRange(Position(line: 0, character: 99), Position(line: 0, character: 99)), "-", encoding: .utf16)
        #expect(utf16.text.hasPrefix("----\nname"))
        utf16.apply(TextRange(Position(line: 40, character: 0), Position(line: 40, character: 0)), "end", encoding: .utf16)
        #expect(utf16.text.hasSuffix("plan\nend"))
        // No range: the whole text.
        utf16.apply(nil, "new", encoding: .utf16)
        #expect(utf16.text == "new")
    }

    @Test func crlfLineEndsAreNotPartOfALine() {
        var document = TextDocument(uri: "u", path: "accounts/a.md", version: 1, text: "ab\r\ncd\r\n")
        document.apply(TextRange(Position(line: 0, character: 5), Position(line: 0, character: 5)), "X", encoding: .utf16)
        #expect(document.text == "abX\r\ncd\r\n")
    }

    /// A plan saved with CRLF (an editor on Windows): every line is a line of its own — for the
    /// edits the editor sends, the diagnostics' positions and the range a formatting replaces.
    /// (Split as Characters, "\r\n" is one Character and not "\n": the whole text was one line,
    /// an edit on line 2 landed at the end of the text, and a formatting edit that should have
    /// replaced the document replaced its "first line" only, doubling the plan in the editor.)
    @Test func crlfDocumentsHaveEveryLineForEditsPositionsAndTheWholeRange() {
        let text = "---\r\nname: 浙江中烟\r\n---\r\n# A\r\n"
        var document = TextDocument(uri: "u", path: "accounts/a.md", version: 1, text: text)
        #expect(document.position(line: 2, column: 7, encoding: .utf16) == Position(line: 1, character: 6))
        #expect(document.position(line: 4, column: 3, encoding: .utf16) == Position(line: 3, character: 2))
        #expect(document.fullRange(encoding: .utf16) == TextRange(Position(line: 0, character: 0), Position(line: 4, character: 0)))
        document.apply(TextRange(Position(line: 1, character: 8), Position(line: 1, character: 10)), "卷烟厂", encoding: .utf16)
        #expect(document.text == "---\r\nname: 浙江卷烟厂\r\n---\r\n# A\r\n")
        document.apply(TextRange(Position(line: 3, character: 3), Position(line: 3, character: 3)), " plan", encoding: .utf8)
        #expect(document.text == "---\r\nname: 浙江卷烟厂\r\n---\r\n# A plan\r\n")
        // A position past a CRLF line's end is clamped before its CR.
        document.apply(TextRange(Position(line: 2, character: 9), Position(line: 2, character: 9)), "-", encoding: .utf16)
        #expect(document.text == "---\r\nname: 浙江卷烟厂\r\n----\r\n# A plan\r\n")
        #expect(document.location(of: Position(line: 3, character: 2), encoding: .utf16)?.text == "# A plan")
        // Go-to-definition and rename find a person's line in a CRLF acctplan.yml as in an LF one.
        let config = "version: 1\npeople:\n  li-you: {name: Li You}\n  wang-fang: {name: Wang Fang}\n"
        for text in [config, config.replacingOccurrences(of: "\n", with: "\r\n")] {
            let found = LanguageServer.peopleLine("wang-fang", in: text)
            #expect(found?.line == 4 && found?.column == 3, "\(text.debugDescription)")
        }
    }
}
