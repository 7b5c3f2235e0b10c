import Foundation
import Testing

/// `score --explain` in Chinese: the reckonings and the evidence are translated through the message
/// catalogue (values as written), in text and Markdown and on the dashboard's account page; JSON
/// keeps the English sentences, the same bytes in every language. The template from `acctplan init`.
struct ScoreChineseTests {
    @Test func reckoningsAndEvidenceInChinese() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let args = ["score", "shanghai-tobacco", "--explain", "--as-of", "2026-11-29"]
        let text = try sandbox.acctplan(args + ["--lang", "zh-CN"], in: ws, extra: ["NO_COLOR": "1"])
        #expect(text.status == 0, "\(text)")
        for line in ["       coverage     30 / 30  （决策者 1 + 发起人 1 + 5/5 名干系人）/ 3",
                     "       relationship 9 / 15  5 名干系人中的 3",
                     "         accounts/east/shanghai-tobacco.md:12  评审于 2026-11-12，在 2026-11-29 之前 17 天：90 天内",
                     "       actions      15 / 15  4 项未完成，均未逾期",
                     "         accounts/east/shanghai-tobacco.md:56  opp-leaf-upgrade：won CNY 1,200,000，本财年 2026-09-15 成交"] {
            #expect(text.stdout.contains(line + "\n"), "\(line)\n\(text)")
        }
        let english = try sandbox.acctplan(args, in: ws, extra: ["NO_COLOR": "1"])
        #expect(english.stdout.contains("       relationship 9 of 15  3 of 5 stakeholders\n"), "\(english)")
        #expect(english.stdout.contains("reviewed 2026-11-12, 17 days before 2026-11-29: within 90 days\n"), "\(english)")

        let markdown = try sandbox.acctplan(args + ["--format", "markdown", "--lang", "zh-CN"], in: ws)
        #expect(markdown.stdout.hasPrefix("## 客户健康评分，截至 2026-11-29\n\n满分 100；绿色 ≥ 70，黄色 ≥ 40，其余为红色。\n\n| 客户 | 评分 | 等级 |\n"),
                "\(markdown)")
        #expect(markdown.stdout.contains("| 组成部分 | 得分 | 依据 |\n"), "\(markdown)")
        #expect(markdown.stdout.contains("| freshness | 20 / 20 | 90 天内<br>`accounts/east/shanghai-tobacco.md:12` 评审于 2026-11-12"), "\(markdown)")
        let englishMarkdown = try sandbox.acctplan(args + ["--format", "markdown"], in: ws)
        #expect(englishMarkdown.stdout.contains("| freshness | 20 of 20 | within 90 days<br>`accounts/east/shanghai-tobacco.md:12` reviewed 2026-11-12"),
                "\(englishMarkdown)")

        let json = try sandbox.acctplan(args + ["--format", "json"], in: ws)
        let jsonChinese = try sandbox.acctplan(args + ["--format", "json", "--lang", "zh-CN"], in: ws)
        #expect(json.status == 0 && json.stdout == jsonChinese.stdout && json.stdout.contains("\"message\":\"Zhou Ming: strong (1)\""))
    }
}

/// `query --format markdown` in Chinese: the words around the table; the columns keep the field
/// names the query wrote.
struct QueryMarkdownChineseTests {
    @Test func theWordsAroundTheTableInChinese() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let args = ["query", "opportunities", "open:yes", "--by", "stage", "--sum", "amount", "--format", "markdown"]
        let chinese = try sandbox.acctplan(args + ["--lang", "zh-CN"], in: ws)
        #expect(chinese.status == 0, "\(chinese)")
        #expect(chinese.stdout.hasPrefix("**opportunities** `open:yes` — 15 行\n\n### stage: "), "\(chinese)")
        #expect(chinese.stdout.contains("| 客户 | id | name | stage | amount | probability | weighted | close | 位置 |\n"), "\(chinese)")
        #expect(chinese.stdout.contains("\n小计：amount **") && chinese.stdout.contains("合计：amount **42,531,000**\n"), "\(chinese)")
        let english = try sandbox.acctplan(args, in: ws)
        #expect(english.stdout.hasPrefix("**opportunities** `open:yes` — 15 rows\n\n") && english.stdout.contains("Total: amount **42,531,000**\n"),
                "\(english)")
    }
}
