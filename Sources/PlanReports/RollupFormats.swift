import PlanEngine
import PlanModel

// The rollup's formats. Their bodies are still in `RollupReporter` (one file with the shared
// history types); each format is a type here.

/// `--format text` (the default).
public struct TextRollupFormat: RollupFormat {
    public let name = "text"
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool) -> String {
        RollupReporter.text(rollup, history: history, color: color)
    }
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool,
                       language: UILanguage) -> String {
        RollupReporter.text(rollup, history: history, color: color, language: language)
    }
}

/// `--format json`: PLAN_FORMAT.md §8.
public struct JSONRollupFormat: RollupFormat {
    public let name = "json"
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool) -> String {
        RollupReporter.json(rollup, revision: revision, history: history)
    }
}

/// `--format csv`: one row per group (no history).
public struct CSVRollupFormat: RollupFormat {
    public let name = "csv"
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool) -> String {
        RollupReporter.csv(rollup)
    }
}

/// `--format markdown`.
public struct MarkdownRollupFormat: RollupFormat {
    public let name = "markdown"
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool) -> String {
        RollupReporter.markdown(rollup, history: history)
    }
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool,
                       language: UILanguage) -> String {
        RollupReporter.markdown(rollup, history: history, language: language)
    }
}
