import Foundation
import Testing

/// `reviewed: 2026-02-30`, `close:2026-02-30` and `--as-of 2026-02-30`: the date is written in the
/// right form, so the hint says what the calendar lacks ("February 2026 has 28 days"), in English
/// and Chinese, instead of repeating the form. Real binary.
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

    /// `--as-of 2026-02-30` and `--since 2026-02-30` were told to write YYYY-MM-DD, the form they
    /// had right (a newcomer trial): they name the month's days like a plan's date and a query's.
    @Test func dateOptionsNameTheImpossibleDay() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        for arguments in [["query", "opportunities", "--as-of", "2026-02-30"], ["score", "--as-of", "2026-02-30"],
                          ["init", "other", "--as-of", "2026-02-30"]] {
            let result = try sandbox.acctplan(arguments + ["--lang", "en"], in: ws)
            #expect(result.status == 2 && result.stderr == "acctplan: error: --as-of '2026-02-30' is not a date\n"
                    + "  hint: February 2026 has 28 days\n", "\(arguments): \(result)")
        }
        let chinese = try sandbox.acctplan(["lint", "--as-of", "2028-02-30", "--lang", "zh-CN"], in: ws)
        #expect(chinese.status == 2 && chinese.stderr.contains("--as-of“2028-02-30”不是日期\n")
                && chinese.stderr.hasSuffix("  提示: 2028 年 2 月只有 29 天\n"), "\(chinese)")
        let month = try sandbox.acctplan(["score", "--as-of", "2026-13-01", "--lang", "en"], in: ws)
        #expect(month.stderr.hasSuffix("  hint: there is no month 13: months are 01 to 12\n"), "\(month)")
        // Another form is still told the form.
        let form = try sandbox.acctplan(["score", "--as-of", "2026/02/01", "--lang", "en"], in: ws)
        #expect(form.stderr == "acctplan: error: --as-of '2026/02/01' is not a date; write YYYY-MM-DD, e.g. 2026-11-29\n", "\(form)")

        for command in [["score", "--as-of", "2026-12-01"], ["rollup", "--as-of", "2026-12-01"], ["log"]] {
            let since = try sandbox.acctplan(command + ["--since", "2026-04-31", "--lang", "en"], in: ws)
            #expect(since.status == 2 && since.stderr == "acctplan: error: --since '2026-04-31' is not a date\n"
                    + "  hint: April 2026 has 30 days\n", "\(command): \(since)")
        }
        let sinceChinese = try sandbox.acctplan(["log", "--since", "2026-04-31", "--lang", "zh-CN"], in: ws)
        #expect(sinceChinese.stderr.contains("--since“2026-04-31”不是日期\n") && sinceChinese.stderr.hasSuffix("  提示: 2026 年 4 月只有 30 天\n"),
                "\(sinceChinese)")
        let neither = try sandbox.acctplan(["score", "--since", "last-week", "--lang", "en"], in: ws)
        #expect(neither.stderr == "acctplan: error: --since 'last-week' is neither a revision nor a date (YYYY-MM-DD)\n", "\(neither)")
    }
}
