import PlanEngine
import PlanModel

/// A whitespace format: how the matrix of accounts × offerings is written.
public protocol WhitespaceFormat: OutputFormat {
    /// For people in `language`; JSON and CSV ignore it (the same bytes in every language).
    func render(_ map: Whitespace, color: Bool, language: UILanguage) -> String
}

public enum WhitespaceFormats {
    /// Every whitespace format, the default first.
    public static let all: [any WhitespaceFormat] = [TextWhitespaceFormat(), CSVWhitespaceFormat(), JSONWhitespaceFormat(),
                                                     MarkdownWhitespaceFormat()]
}

/// `--format text` (the default).
public struct TextWhitespaceFormat: WhitespaceFormat {
    public let name = "text"
    public func render(_ map: Whitespace, color: Bool, language: UILanguage) -> String {
        WhitespaceReporter.text(map, color: color, language: language)
    }
}

/// `--format csv`: one row per account, one column per offering.
public struct CSVWhitespaceFormat: WhitespaceFormat {
    public let name = "csv"
    public func render(_ map: Whitespace, color: Bool, language: UILanguage) -> String { WhitespaceReporter.csv(map) }
}

/// `--format json`: docs/json.md, every cell with the rows behind it.
public struct JSONWhitespaceFormat: WhitespaceFormat {
    public let name = "json"
    public func render(_ map: Whitespace, color: Bool, language: UILanguage) -> String { WhitespaceReporter.json(map) }
}

/// `--format markdown`: for a pull request or a wiki page.
public struct MarkdownWhitespaceFormat: WhitespaceFormat {
    public let name = "markdown"
    public func render(_ map: Whitespace, color: Bool, language: UILanguage) -> String {
        WhitespaceReporter.markdown(map, language: language)
    }
}
