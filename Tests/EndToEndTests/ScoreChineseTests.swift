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

/// `show --map` in Chinese: the chart's words and its coverage gaps; names, titles and roles as written.
struct OrgChartChineseTests {
    @Test func theChartsWordsAndGapsInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let stakeholders = """
            ## Stakeholders

            | Name | Title | Role | Relationship | Reports to |
            | --- | --- | --- | --- | --- |
            | Zhou Ming | CFO | decision-maker | weak | |
            | Li Na | Controller | user | strong | Zhou Ming |
            | Wu Fei | Analyst | user | | Nobody |

            """
        let root = try Fixture.workspace(["accounts/acme.md": Fixture.account(extra: stakeholders)], in: temp)
        let text = try CLI.output(["show", "acme", "--map", "--lang", "zh-CN"], in: root, env: ["NO_COLOR": "1"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.hasPrefix("Acme：组织架构（accounts/acme.md）\n  Zhou Ming  CFO · decision-maker · 关系 weak\n"), "\(text)")
        #expect(text.stdout.contains("Wu Fei  Analyst · user  （汇报对象“Nobody”：没有这位干系人）\n"), "\(text)")
        #expect(text.stdout.contains("\n  缺口：没有发起人\n  缺口：决策者 Zhou Ming 的关系为 weak\n"), "\(text)")
        let mermaid = try CLI.output(["show", "acme", "--map", "--format", "mermaid", "--lang", "zh-CN"], in: root)
        #expect(mermaid.stdout.contains("  gaps[\"缺口：没有发起人；决策者 Zhou Ming 的关系为 weak\"]:::gap\n"), "\(mermaid)")
        let english = try CLI.output(["show", "acme", "--map", "--lang", "en"], in: root, env: ["NO_COLOR": "1"])
        #expect(english.stdout.contains("\n  gap: no sponsor\n  gap: decision-maker Zhou Ming has a weak relationship\n"), "\(english)")
    }
}
