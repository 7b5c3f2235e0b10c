import Foundation
import Testing

/// `--help` of every command in Chinese: the command's texts (one-line summary, description,
/// examples' comments, options) and ArgumentParser's own words (概述, 用法, 选项 …). A line with
/// a run of four or more English words fails the test — unless it is an example command line —
/// so a new English-only help text is caught; the same detector must find English in the
/// English help, or it proves nothing.
struct HelpChineseTests {
    static let commands: [[String]] = [
        [], ["lint"], ["fmt"], ["show"], ["new"], ["diff"], ["log"], ["commit"], ["rollup"], ["report"], ["score"],
        ["query"], ["whitespace"], ["init"], ["hooks"], ["hooks", "install"], ["hooks", "uninstall"], ["lsp"],
        ["merge-driver"], ["resolve"], ["rules"], ["textconv"],
    ]

    /// Lines of `help` with four or more English words in a row, example command lines left out.
    static func englishLines(_ help: String) -> [String] {
        let words = try! NSRegularExpression(pattern: #"\b[A-Za-z]{2,}( [A-Za-z]{2,}){3,}\b"#)
        return help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            guard !line.isEmpty, !["acctplan ", "git ", "cd ", "accounts/", "industries/", "segments/", "用法："].contains(where: line.hasPrefix)
            else { return false }
            return words.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
    }

    @Test func everyCommandsHelpIsChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        for command in Self.commands {
            let chinese = try CLI.output(command + ["--help", "--lang", "zh-CN"], in: temp.url)
            #expect(chinese.status == 0, "\(command): \(chinese)")
            #expect(Self.englishLines(chinese.stdout).isEmpty, "\(command): \(Self.englishLines(chinese.stdout))")
            #expect(chinese.stdout.contains("用法：acctplan") && chinese.stdout.contains("显示帮助信息。"), "\(command): \(chinese)")
            let english = try CLI.output(command + ["--help", "--lang", "en"], in: temp.url)
            #expect(english.stdout.contains("USAGE: acctplan") && english.stdout.contains("Show help information."), "\(command)")
        }
        let english = try CLI.output(["lint", "--help", "--lang", "en"], in: temp.url)
        #expect(!Self.englishLines(english.stdout).isEmpty, "the detector finds English where there is English")
    }

    @Test func usageErrorsInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let missing = try CLI.output(["show", "--lang", "zh-CN"], in: temp.url)
        #expect(missing.status == 2 && missing.stderr.hasPrefix("错误：缺少必需的参数“<id>”\n帮助：  <id>  "), "\(missing)")
        #expect(missing.stderr.hasSuffix("  更多信息见“acctplan show --help”。\n"), "\(missing)")
        let invalid = try CLI.output(["lint", "--format", "xml", "--lang", "zh-CN"], in: temp.url)
        #expect(invalid.stderr.hasPrefix("错误：“xml”不是“--format <format>”的有效值；可用的值："), "\(invalid)")
        let englishError = try CLI.output(["show", "--lang", "en"], in: temp.url)
        #expect(englishError.stderr.hasPrefix("Error: Missing expected argument '<id>'\n"), "\(englishError)")
        // A completion script is for the shell: ArgumentParser's words stay as they are.
        let script = try CLI.output(["--generate-completion-script", "fish", "--lang", "zh-CN"], in: temp.url)
        #expect(script.status == 0 && script.stdout.contains("Show help information.") && !script.stdout.contains("显示帮助信息"),
                "\(script.stdout.prefix(400))")
    }
}
