import Foundation
import Testing

/// English words a newcomer trial found inside Chinese output (`--lang zh-CN`): where a path does
/// not exist, the examples of a query's hints, ArgumentParser's list of formats, `hooks
/// uninstall`, `diff`'s section labels, ticked actions and ends, `rollup --since`'s "(new)". The
/// English output of each is unchanged. Real binary, the template from `acctplan init`.
struct ChineseLeakTests {
    static let zh = ["--lang", "zh-CN"]

    @Test func errorLinesAndHintsHaveNoEnglishWords() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        func run(_ args: [String]) throws -> (String, String) {
            let chinese = try sandbox.acctplan(args + Self.zh, in: ws), english = try sandbox.acctplan(args + ["--lang", "en"], in: ws)
            #expect(chinese.status == 2 && english.status == 2, "\(chinese)\n\(english)")
            return (chinese.stderr, english.stderr)
        }

        let (fmt, fmtEnglish) = try run(["fmt", "nosuch.md"])
        #expect(fmt == "acctplan: 错误: 工作区中不存在“nosuch.md”\n", "\(fmt)")
        #expect(fmtEnglish == "acctplan: error: 'nosuch.md' does not exist in the working tree\n", "\(fmtEnglish)")
        let (staged, stagedEnglish) = try run(["lint", "--staged", "nosuch.md"])
        #expect(staged == "acctplan: 错误: 暂存区中不存在“nosuch.md”\n", "\(staged)")
        #expect(stagedEnglish == "acctplan: error: 'nosuch.md' does not exist in the index\n", "\(stagedEnglish)")

        let (amount, amountEnglish) = try run(["query", "opportunities", "amount:abc"])
        #expect(amount.hasSuffix("  提示: amount 需要金额，例如 amount:1M 或 \"CNY 2.4M\"\n"), "\(amount)")
        #expect(amountEnglish.hasSuffix("  hint: amount takes an amount, e.g. amount:1M or \"CNY 2.4M\"\n"), "\(amountEnglish)")
        let (date, dateEnglish) = try run(["query", "opportunities", "close:someday"])
        #expect(date.hasSuffix("  提示: close 需要日期，例如 close:2027-03-31、today+30d、2027Q1 或 thisquarter\n"), "\(date)")
        #expect(dateEnglish.hasSuffix("  hint: close takes a date, e.g. close:2027-03-31, today+30d, 2027Q1 or thisquarter\n"),
                "\(dateEnglish)")

        let (format, formatEnglish) = try run(["lint", "--format", "xml"])
        #expect(format.hasPrefix("错误：“xml”不是“--format <format>”的有效值；可用的值：'text'、'json'、'github' 或 'sarif'。\n"), "\(format)")
        #expect(formatEnglish.hasPrefix(
            "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'github' or 'sarif'.\n"),
                "\(formatEnglish)")
    }

    @Test func hooksUninstallSaysWhatItRemovedInChinese() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let binary = try CLI.binary.get().path
        for language in ["zh-CN", "en"] {
            let install = try sandbox.acctplan(["hooks", "install", "--acctplan", binary, "--lang", language], in: ws)
            #expect(install.status == 0, "\(install)")
            let removed = try sandbox.acctplan(["hooks", "uninstall", "--lang", language], in: ws)
            let hook = ws.appendingPathComponent(".git/hooks/prepare-commit-msg").path
            if language == "en" {
                #expect(removed.stdout.contains("removed the prepare-commit-msg hook \(hook)\n")
                        && removed.stdout.contains("removed merge.acctplan.driver\n"), "\(removed)")
            } else {
                #expect(removed.stdout.contains("已移除 prepare-commit-msg 钩子 \(hook)\n")
                        && removed.stdout.contains("已移除 git 配置项 merge.acctplan.driver\n"), "\(removed)")
                #expect(!removed.stdout.contains("removed") && !removed.stdout.contains(" the "), "\(removed)")
            }
        }
    }

    @Test func diffSectionsTickedActionsAndEndsInChinese() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let path = "accounts/east/shanghai-tobacco.md"
        var text = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        let amount = "| CNY 5.2M  |"
        let action = try #require(text.split(separator: "\n").first { $0.hasPrefix("- [ ] ") && $0.contains("Confirm the phase-2 scope") })
        try #require(text.contains(amount), "the template changed")
        text = text.replacingOccurrences(of: action, with: "- [x] " + action.dropFirst(6))
            .replacingOccurrences(of: amount, with: "| CNY 6M    |")
        try repo.write(text, to: path)
        let noColor = ["NO_COLOR": "1"]

        let chinese = try repo.acctplan(["diff"] + Self.zh, extra: noColor).stdout
        #expect(chinese.contains("\n  商机：\n    ~ opp-mes-integration：amount 5,200,000 → 6,000,000\n"), "\(chinese)")
        #expect(chinese.contains("\n  行动计划：\n    ~ Confirm the phase-2 scope and payment plan with the CFO #opp-consolidation：已完成\n"),
                "\(chinese)")
        #expect(!chinese.contains("opportunities:") && !chinese.contains("false"), "\(chinese)")
        let english = try repo.acctplan(["diff", "--lang", "en"], extra: noColor).stdout
        #expect(english.contains("\n  opportunities:\n    ~ opp-mes-integration: amount 5,200,000 → 6,000,000\n"), "\(english)")
        #expect(english.contains("\n  actions:\n    ~ Confirm the phase-2 scope and payment plan with the CFO #opp-consolidation: done false → true\n"),
                "\(english)")

        let markdown = try repo.acctplan(["diff", "--format", "markdown"] + Self.zh).stdout
        #expect(markdown.hasPrefix("### acctplan：1 个计划有变化（暂存区 → 工作区）\n"), "\(markdown)")
        #expect(markdown.contains("| 商机 `opp-mes-integration` amount | 5,200,000 | 6,000,000 |\n"), "\(markdown)")
        #expect(markdown.contains("#opp-consolidation` done | 否 | 是 |\n"), "\(markdown)")
        let markdownEnglish = try repo.acctplan(["diff", "--format", "markdown", "--lang", "en"]).stdout
        #expect(markdownEnglish.hasPrefix("### acctplan: 1 plan changed (`index` → `working tree`)\n"), "\(markdownEnglish)")
        #expect(markdownEnglish.contains("#opp-consolidation` done | false | true |\n"), "\(markdownEnglish)")
    }

    @Test func rollupSinceNamesANewAccountInChinese() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        let created = try repo.acctplan(["new", "account", "brand-new", "--industry", "power", "--manager", "li-you"])
        #expect(created.status == 0, "\(created)")
        try repo.commit("new", "a new account", at: "2026-11-29T10:00:00Z")
        let args = ["rollup", "--since", repo.commits["init"]!, "--as-of", "2026-11-30"]
        let chinese = try repo.acctplan(args + Self.zh, extra: ["NO_COLOR": "1"])
        #expect(chinese.stdout.contains("\n  brand-new: （新增） → departmental\n"), "\(chinese)")
        let markdown = try repo.acctplan(args + ["--format", "markdown"] + Self.zh)
        #expect(markdown.stdout.contains("\n- `brand-new`: （新增） → departmental\n"), "\(markdown)")
        let english = try repo.acctplan(args + ["--lang", "en"], extra: ["NO_COLOR": "1"])
        #expect(english.stdout.contains("\n  brand-new: (new) → departmental\n"), "\(english)")
    }
}

/// A second trial's findings: usage errors in a Chinese workspace without `--lang`, the
/// commands' own usage errors, two values joined with "and", the account page's pipeline note,
/// and "1 days late".
struct ChineseUsageErrorTests {
    @Test func usageErrorsFollowTheWorkspacesLanguageAndAreChineseThroughout() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--lang", "zh-CN", "--as-of", "2026-12-01", "zh"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("zh")
        let missing = try sandbox.acctplan(["query"], in: ws, extra: ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("错误：缺少必需的参数“<entity>”\n帮助：  <entity>  要列出的内容"), "\(missing)")
        let trend = try sandbox.acctplan(["rollup", "--trend", "monthly"], in: ws)
        #expect(trend.status == 2 && trend.stderr.hasPrefix("错误：--trend 需要 --since 日期：趋势从哪里开始\n"), "\(trend)")
        let both = try sandbox.acctplan(["lint", "--rev", "HEAD", "--staged"], in: ws)
        #expect(both.status == 2 && both.stderr.hasPrefix("错误：--rev 和 --staged 不能同时使用\n"), "\(both)")
        let period = try sandbox.acctplan(["rollup", "--since", "2026-01-01", "--trend", "weekly"], in: ws)
        #expect(period.stderr.hasPrefix("错误：“weekly”不是“--trend <period>”的有效值；可用的值：'monthly' 或 'quarterly'。\n"), "\(period)")
        let limit = try sandbox.acctplan(["query", "accounts", "--limit", "abc"], in: ws)
        #expect(limit.stderr.hasPrefix("错误：“abc”不是“--limit <n>”的有效值\n"), "\(limit)")
        // The same in English, unchanged.
        let english = try sandbox.acctplan(["rollup", "--trend", "monthly", "--lang", "en"], in: ws)
        #expect(english.stderr.hasPrefix("Error: --trend needs --since DATE: where the trend starts\n"), "\(english)")

        let report = sandbox.temp.path("report")
        let written = try sandbox.acctplan(["report", "--output", report.path, "--as-of", "2026-12-01"], in: ws)
        #expect(written.status == 0, "\(written)")
        let page = try String(contentsOf: report.appendingPathComponent("accounts/huaxia-power.html"), encoding: .utf8)
        #expect(page.contains("<p class=\"note\">在途商机 ") && !page.contains("Open pipeline"), "\(page.prefix(300))")
    }

    @Test func oneDayLateIsOneDay() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--as-of", "2026-12-01", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        let score = try sandbox.acctplan(["score", "harbour-city-land", "--explain", "--as-of", "2026-12-04"], in: ws)
        #expect(score.stdout.contains("the most overdue action is 1 day late (1–7)") && !score.stdout.contains("1 days"), "\(score.stdout)")
        // Reviewed the day before the as-of date: "1 day before".
        let plan = try String(contentsOf: ws.appendingPathComponent("accounts/harbour-city-land.md"), encoding: .utf8)
        let reviewed = try #require(plan.split(separator: "\n").first { $0.hasPrefix("reviewed: ") }).dropFirst("reviewed: ".count)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let next = formatter.string(from: calendar.date(byAdding: .day, value: 1, to: try #require(formatter.date(from: String(reviewed))))!)
        let fresh = try sandbox.acctplan(["score", "harbour-city-land", "--explain", "--as-of", next], in: ws)
        #expect(fresh.stdout.contains("reviewed \(reviewed), 1 day before \(next)") && !fresh.stdout.contains("1 days"), "\(fresh.stdout)")
    }
}
