import PlanEngine
import PlanModel

// The diff's formats. Their bodies are still in `DiffReporter` (one file with the shared
// summary and value wording); each format is a type here.

/// `--format text` (the default): plan by plan, colours on a terminal.
public struct TextDiffFormat: DiffFormat {
    public let name = "text"
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool) -> String {
        DiffReporter.text(changes, color: color)
    }
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool, language: UILanguage) -> String {
        DiffReporter.text(changes, color: color, language: language)
    }
}

/// `--format json`: PLAN_FORMAT.md §8, the ends by commit id.
public struct JSONDiffFormat: DiffFormat {
    public let name = "json"
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool) -> String {
        DiffReporter.json(changes, from: ends.from, to: ends.to)
    }
}

/// `--format markdown`: for a pull request, the ends as people name them.
public struct MarkdownDiffFormat: DiffFormat {
    public let name = "markdown"
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool) -> String {
        DiffReporter.markdown(changes, from: ends.fromText, to: ends.toText)
    }
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool, language: UILanguage) -> String {
        DiffReporter.markdown(changes, from: ends.fromText, to: ends.toText, language: language)
    }
}
