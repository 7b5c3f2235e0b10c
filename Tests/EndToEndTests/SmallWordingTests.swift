import Foundation
import Testing

/// Small wordings a newcomer trial found wrong: libyaml's problem and context run together
/// ("']'while parsing"), `revenue_target: 0` explained as "no revenue_target", and the Chinese
/// merge driver "line by line" (逐行) where it merges row by row. Real binary.
struct SmallWordingTests {
    static func replace(_ line: String, startingWith prefix: String, by new: String, in plan: URL) throws {
        let text = try String(contentsOf: plan, encoding: .utf8)
        let old = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "no \(prefix) line")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: plan)
    }

    @Test func anUnclosedListSaysItsProblemAndItsContextApart() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        try Self.replace("", startingWith: "segments: ", by: "segments: [installed-base-high-end\ntags: x",
                         in: ws.appendingPathComponent("accounts/huaxia-power.md"))
        let lint = try sandbox.acctplan(["lint", "accounts/huaxia-power.md", "--lang", "en"], in: ws)
        #expect(lint.stdout.contains("YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence [front-matter]\n"),
                "\(lint)")
    }

    @Test func aRevenueTargetOfZeroIsSaidToBeZero() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let plan = ws.appendingPathComponent("accounts/huaxia-power.md")
        try Self.replace("", startingWith: "revenue_target: ", by: "revenue_target: 0", in: plan)
        let english = try sandbox.acctplan(["score", "huaxia-power", "--explain", "--lang", "en"], in: ws)
        #expect(english.stdout.contains("  pipeline     0 of 20  the revenue target is 0\n"), "\(english)")
        #expect(english.stdout.contains("accounts/huaxia-power.md:13  revenue_target is 0: no target to cover\n"), "\(english)")
        #expect(!english.stdout.contains("no revenue_target"), "\(english)")
        let chinese = try sandbox.acctplan(["score", "huaxia-power", "--explain", "--lang", "zh-CN"], in: ws)
        #expect(chinese.stdout.contains("收入目标为 0\n") && chinese.stdout.contains("revenue_target 为 0：没有要覆盖的目标\n"), "\(chinese)")
        // No line at all is still "no revenue_target".
        let text = try String(contentsOf: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "revenue_target: 0\n", with: "").utf8).write(to: plan)
        let none = try sandbox.acctplan(["score", "huaxia-power", "--explain", "--lang", "en"], in: ws)
        #expect(none.stdout.contains("  no revenue_target (in CNY)\n") && none.stdout.contains("0 of 20  no revenue target\n"), "\(none)")
    }

    /// 逐行 is "line by line", what git does and what the driver replaces; the driver merges by
    /// table row and item (按表格行和条目逐条).
    @Test func theChineseMergeDriverMergesRowByRowNotLineByLine() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        for command in [["merge-driver"], ["resolve"]] {
            let help = try CLI.output(command + ["--help", "--lang", "zh-CN"], in: temp.url, env: ["COLUMNS": "200"])
            let overview = try #require(help.stdout.split(separator: "\n").first, "\(help)")
            #expect(overview.contains("按表格行和条目逐条") && !overview.contains("逐行"), "\(command): \(overview)")
        }
    }
}
