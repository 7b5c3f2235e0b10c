import PlanFormat
import Testing

/// Display widths from Unicode's East_Asian_Width property.
struct DisplayWidthTests {
    @Test(arguments: [
        ("Acme", 4),
        ("王芳", 4), // CJK ideographs: W
        ("カタカナ", 8), // katakana: W
        ("ｶﾀｶﾅ", 4), // halfwidth katakana: H, one column
        ("한국", 4), // Hangul syllables: W
        ("ＡＢ", 4), // fullwidth Latin: F
        ("e\u{301}", 1), // e + combining acute: the mark takes no column
        ("Zoë", 3),
        ("€100", 4),
        ("±½", 2), // ambiguous width: one column, as outside CJK locales
        ("🎯", 2), // emoji presentation: W
        ("👩\u{200D}💻", 4), // zero-width joiner takes none; each emoji two
        ("，。", 4), // fullwidth punctuation
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
        #expect(DisplayWidth.of(Array(text.utf8)[...]) == expected)
    }
}
