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

/// A saved view's line read into a request: `ENTITY [TERM...]` and the options `--columns`,
/// `--sort`, `--sum`, `--by`, `--limit`, `--format` (as `--opt value` or `--opt=value`). The
/// version of the plans (`--rev`, `--staged`, `--workspace`, `--as-of`) is not part of a view.
public struct SavedQuery: Sendable {
    public var request: QueryRequest
    /// The view's `--format`, checked by whoever renders.
    public var format: String?

    public static let options = ["--columns", "--sort", "--sum", "--by", "--limit", "--format"]

    public init(line: String) throws {
        var words = try QueryLine.words(line)[...]
        guard let entity = words.popFirst() else { throw QueryError("the view is empty", hint: "write ENTITY [TERM...], e.g. actions overdue:yes") }
        if entity.hasPrefix("@") { throw QueryError("a view cannot run another view ('\(entity)')") }
        if entity.hasPrefix("-") { throw QueryError("a view starts with what it lists, not '\(entity)'", hint: "e.g. opportunities open:yes") }
        request = QueryRequest(entity: entity)
        func list(_ text: String) -> [String] { text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        while let word = words.popFirst() {
            guard word.hasPrefix("--") else {
                request.terms.append(word)
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard Self.options.contains(parts[0]) else {
                let versions = ["--rev", "--staged", "--workspace", "--as-of"]
                if versions.contains(parts[0]) {
                    throw QueryError("\(parts[0]) names a version of the plans; a view saves only the question",
                                     hint: "give \(parts[0]) on the command line: acctplan query @view \(parts[0]) ...")
                }
                throw QueryError.unknown("option", parts[0], choices: Self.options)
            }
            guard let value = parts.count == 2 ? parts[1] : words.popFirst() else { throw QueryError("\(parts[0]) needs a value") }
            switch parts[0] {
            case "--columns": request.columns = list(value)
            case "--sort": request.sort = value
            case "--sum": request.sums += list(value)
            case "--by": request.by = value
            case "--limit":
                guard let limit = Int(value), limit >= 0 else { throw QueryError("--limit '\(value)' is not a number of rows") }
                request.limit = limit
            default: format = value
            }
        }
    }
}
