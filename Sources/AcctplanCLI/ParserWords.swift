import Foundation
import PlanLocalization

/// ArgumentParser's own words — the headings of `--help` (`OVERVIEW:`, `USAGE:` …), its built-in
/// `--help` and `--version` lines, and its usage errors (`Error: Missing expected argument …`) —
/// in Chinese when the help language is Chinese (``UI/helpLanguage``). ArgumentParser writes them
/// in English only, so they are rewritten line by line where acctplan prints them
/// (``AcctplanCommand/run(_:)``). English is printed untouched; so are completion scripts and
/// `--experimental-dump-help`, which are for programs.
enum ParserWords {
    /// Each pattern is anchored to what ArgumentParser writes; `$1`… are its captures.
    static let rewrites: [(NSRegularExpression, String)] = [
        (#"^OVERVIEW: "#, "概述："),
        (#"^USAGE: "#, "用法："),
        (#"^ARGUMENTS:$"#, "参数："),
        (#"^OPTIONS:$"#, "选项："),
        (#"^SUBCOMMANDS:$"#, "子命令："),
        (#"Show the version\.$"#, "显示版本。"),
        (#"Show help information\.$"#, "显示帮助信息。"),
        (#"^  See '(.+)' for detailed help\.$"#, "  详细帮助见“$1”。"),
        (#"^Error: Missing expected argument '(.+)'$"#, "错误：缺少必需的参数“$1”"),
        (#"^Error: Unknown option '(.+)'$"#, "错误：未知的选项“$1”"),
        (#"^Error: Missing value for '(.+)'$"#, "错误：“$1”缺少值"),
        (#"^Error: Unexpected argument '(.+)'$"#, "错误：多余的参数“$1”"),
        (#"^Error: The value '(.+)' is invalid for '(.+)'\. Please provide one of (.+)\.$"#, "错误：“$1”不是“$2”的有效值；可用的值：$3。"),
        (#"^Error: The value '(.+)' is invalid for '([^']+)'$"#, "错误：“$1”不是“$2”的有效值"),
        (#"^Error: The value '(.+)' is invalid for '([^']+)': "#, "错误：“$1”不是“$2”的有效值："),
        (#"^Error: "#, "错误："),
        (#"^Help:  "#, "帮助：  "),
        (#"^Usage: "#, "用法："),
        (#"^  See '(.+)' for more information\.$"#, "  更多信息见“$1”。"),
        (#" \(default: ([^()]*)\)$"#, "（默认：$1）"),
    ].map { pattern, template in
        (try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]), template)
    }

    /// `text` (help or a usage error) with ArgumentParser's words in Chinese.
    static func chinese(_ text: String) -> String {
        var result = text
        for (expression, template) in rewrites {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return choicesInChinese(errorsInChinese(result))
    }

    /// acctplan's own usage errors (a command's `validate()`: "--trend needs --since DATE …"),
    /// after ArgumentParser's "Error: " became "错误：", in the catalogue's Chinese.
    static func errorsInChinese(_ text: String) -> String {
        let lead = "错误："
        return text.components(separatedBy: "\n").map { line in
            guard line.hasPrefix(lead) else { return line }
            let message = String(line.dropFirst(lead.count))
            let translated = Localizer.translate(message, to: .zhCN)
            return translated == message ? line : lead + translated
        }.joined(separator: "\n")
    }

    /// The list of values after "可用的值：" (`'text', 'json', 'github' or 'sarif'`, as
    /// ArgumentParser joins them) joined the Chinese way: `'text'、'json'、'github' 或 'sarif'`.
    static func choicesInChinese(_ text: String) -> String {
        let lead = "可用的值：", end = "。"
        var lines = text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            guard let start = line.range(of: lead), line.hasSuffix(end) else { continue }
            let list = line[start.upperBound..<line.index(line.endIndex, offsetBy: -end.count)]
            // ArgumentParser joins two values with "and", more with ", " and "or".
            let joined = list.replacingOccurrences(of: "', '", with: "'、'").replacingOccurrences(of: "' or '", with: "' 或 '")
                .replacingOccurrences(of: "' and '", with: "' 或 '")
            lines[index] = line[..<start.upperBound] + joined + end
        }
        return lines.joined(separator: "\n")
    }

    /// What acctplan prints for a help request or a usage error, in `language`; `arguments` are the
    /// command line (a completion script or the help dump stays as ArgumentParser wrote it).
    static func localized(_ text: String, arguments: [String], chinese: Bool) -> String {
        guard chinese, !arguments.contains(where: { $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" })
        else { return text }
        return Self.chinese(text)
    }
}
