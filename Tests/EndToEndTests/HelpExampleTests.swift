import Foundation
import Testing

/// The examples in `--help` are pasted into a shell: ArgumentParser wraps the description to the
/// terminal's width and would cut an example line in the middle of a command (a newcomer trial
/// found `acctplan commit -m "..."` with its path on the next line, and `merge-driver`'s `git
/// config` wrapped inside its quotes). Every indented line of every command's description — an
/// example, a comment, a `\` continuation — is shown whole at 80 columns, in both languages.
struct HelpExampleTests {
    /// Every command's path and its description as written (`--experimental-dump-help`, not wrapped).
    static func descriptions(_ language: String, in folder: URL) throws -> [([String], String)] {
        let dump = try CLI.output(["--experimental-dump-help", "--lang", language], in: folder)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var found: [([String], String)] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            if let discussion = command["discussion"] as? String, !discussion.isEmpty { found.append((path, discussion)) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return found
    }

    @Test(arguments: ["en", "zh-CN"]) func everyExampleLineIsWholeAt80Columns(language: String) throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let commands = try Self.descriptions(language, in: temp.url)
        #expect(commands.count > 15, "\(commands.map(\.0))")
        var examples = 0
        for (path, discussion) in commands {
            let help = try CLI.output(path + ["--help", "--lang", language], in: temp.url, env: ["COLUMNS": "80"])
            #expect(help.status == 0, "\(path): \(help)")
            let shown = Set(help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            for line in discussion.split(separator: "\n").map(String.init) where line.hasPrefix(" ") {
                examples += 1
                // ArgumentParser keeps a line whole when it and its line end fit in the width.
                #expect(line.count < 80 && ReportLanguageTests.width(line) <= 80, "\(path): too wide for 80 columns: \(line)")
                #expect(shown.contains(line), "\(path): the example is cut at 80 columns: \(line)\n\(help.stdout)")
            }
        }
        #expect(examples > 40)
    }

    /// `acctplan merge-driver --help`'s `git config` line, pasted into a shell, sets the driver
    /// `hooks install` sets (the continuation inside the quotes is only spaces to the shell's
    /// word splitting, which is how git runs a driver).
    @Test func theMergeDriverSetupIsPastableAsItIsShown() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let help = try CLI.output(["merge-driver", "--help", "--lang", "en"], in: temp.url, env: ["COLUMNS": "80"]).stdout
        let lines = help.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  git config merge.acctplan.driver ") }, "\(help)")
        #expect(lines[start].hasSuffix(" \\") && lines[start + 1].hasSuffix("%O %A %B %P\""), "\(help)")
        let pasted = lines[start].dropLast() + lines[start + 1]
        let words = pasted.split(separator: " ").joined(separator: " ")
        #expect(words == "git config merge.acctplan.driver \"acctplan merge-driver --marker-size %L --ours-label %X "
                + "--base-label %S --theirs-label %Y %O %A %B %P\"", "\(pasted)")
    }
}
