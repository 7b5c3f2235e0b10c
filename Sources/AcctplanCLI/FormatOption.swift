import ArgumentParser
import PlanReports

/// A list of output formats `--format` chooses from (``LintFormats``, ``DiffFormats``, ...).
protocol FormatList {
    associatedtype Format
    /// Every format, the default first.
    static var formats: [Format] { get }
    static func name(of format: Format) -> String
}

/// `--format NAME`: one of a list's formats. The allowed values, the help text and the message for
/// a name not in the list all come from the list.
struct FormatChoice<List: FormatList>: ExpressibleByArgument {
    let format: List.Format

    init?(argument: String) {
        guard let format = List.formats.first(where: { List.name(of: $0) == argument }) else { return nil }
        self.format = format
    }

    /// The default: the list's first format.
    static var first: FormatChoice { FormatChoice(format: List.formats[0]) }

    private init(format: List.Format) { self.format = format }

    var defaultValueDescription: String { List.name(of: format) }
    static var allValueStrings: [String] { List.formats.map(List.name) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// "Output format: text, json or markdown."
    static var help: ArgumentHelp {
        var names = allValueStrings
        let last = names.removeLast()
        return ArgumentHelp(UI.help("Output format: \(names.joined(separator: ", ")) or \(last).",
                                    "输出格式：\(names.joined(separator: "、")) 或 \(last)。"), valueName: "format")
    }
}

enum LintFormatList: FormatList {
    static var formats: [any LintFormat] { LintFormats.all }
    static func name(of format: any LintFormat) -> String { format.name }
}

enum DiffFormatList: FormatList {
    static var formats: [any DiffFormat] { DiffFormats.all }
    static func name(of format: any DiffFormat) -> String { format.name }
}

enum RollupFormatList: FormatList {
    static var formats: [any RollupFormat] { RollupFormats.all }
    static func name(of format: any RollupFormat) -> String { format.name }
}
