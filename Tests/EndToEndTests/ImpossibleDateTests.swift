import Foundation
import Testing

/// `reviewed: 2026-02-30` and `close:2026-02-30`: the date is written in the right form, so the
/// hint says what the calendar lacks ("February 2026 has 28 days"), in English and Chinese,
/// instead of repeating the form. Real binary.
struct ImpossibleDateTests {
    @Test func lintAndQueryNameTheImpossibleDay() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let plan = ws.appendingPathComponent("accounts/huaxia-power.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        let reviewed = try #require(text.split(separator: "\n").first { $0.hasPrefix("reviewed: ") })
        try Data(text.replacingOccurrences(of: reviewed, with: "reviewed: 2026-02-30").utf8).write(to: plan)

        let lint = try sandbox.acctplan(["lint", "accounts/huaxia-power.md", "--lang", "en"], in: ws)
        #expect(lint.stdout.contains("error: '2026-02-30' is not a valid date for 'reviewed' [invalid-value]\n  hint: February 2026 has 28 days\n"),
                "\(lint)")
        let chinese = try sandbox.acctplan(["lint", "accounts/huaxia-power.md", "--lang", "zh-CN"], in: ws)
        #expect(chinese.stdout.contains("错误: “2026-02-30”不是“reviewed”的有效日期 [invalid-value]\n  提示: 2026 年 2 月只有 28 天\n"),
                "\(chinese)")
        try Data(text.replacingOccurrences(of: reviewed, with: "reviewed: 2026-13-01").utf8).write(to: plan)
        let month = try sandbox.acctplan(["lint", "accounts/huaxia-power.md", "--lang", "zh-CN"], in: ws)
        #expect(month.stdout.contains("  提示: 没有 13 月：月份为 01 到 12\n"), "\(month)")
        // Another form is still told the form.
        try Data(text.replacingOccurrences(of: reviewed, with: "reviewed: 2026-2-3").utf8).write(to: plan)
        let form = try sandbox.acctplan(["lint", "accounts/huaxia-power.md", "--lang", "en"], in: ws)
        #expect(form.stdout.contains("  hint: write dates as YYYY-MM-DD (or YYYY/MM/DD), e.g. 2026-11-29\n"), "\(form)")

        let query = try sandbox.acctplan(["query", "opportunities", "close:2026-02-30", "--lang", "en"], in: ws)
        #expect(query.status == 2 && query.stderr == "acctplan: error: '2026-02-30' in 'close:2026-02-30' is not a date\n"
                + "  hint: February 2026 has 28 days\n", "\(query)")
        let range = try sandbox.acctplan(["query", "opportunities", "close:2027-01-01..2027-02-29", "--lang", "zh-CN"], in: ws)
        #expect(range.status == 2 && range.stderr.hasSuffix("  提示: 2027 年 2 月只有 28 天\n"), "\(range)")
    }
}
