/// A saved query line (`views:` in acctplan.yml) cut into words as a POSIX shell would for such a
/// line: spaces separate words, single and double quotes group them ('amount:>CNY 1M').
public enum QueryLine {
    public static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw QueryError("the quote \(quote) is not closed in '\(line)'", hint: "close it, e.g. 'amount:>CNY 1M'") }
        if inWord { words.append(current) }
        return words
    }
}
