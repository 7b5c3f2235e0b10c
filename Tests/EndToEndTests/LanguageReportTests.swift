import Foundation
import Testing

/// `show`, `rollup` and `diff --format markdown` in Chinese on the template; their JSON and CSV
/// are the same bytes in every language.
struct ReportLanguageTests {
    @Test func showRollupAndDiffInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")

        let show = try CLI.output(["show", "zhejiang-tobacco", "--lang", "zh-CN"], in: root)
        #expect(show.stdout.contains("客户 zhejiang-tobacco · accounts/east/zhejiang-tobacco.md\n"), "\(show)")
        #expect(show.stdout.contains("\n干系人\n  张伟  信息中心主任，decision-maker，关系 medium，负责人 ma-tao\n"), "\(show)")
        #expect(show.stdout.contains("\n商机（金额单位：CNY）\n"), "\(show)")
        #expect(show.stdout.contains("（阶段默认值）"), "\(show)")
        let english = try CLI.output(["show", "zhejiang-tobacco"], in: root)
        #expect(english.stdout.contains("\nStakeholders\n  张伟  信息中心主任, decision-maker, relationship medium, owner ma-tao\n"), "\(english)")

        let rollup = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--lang", "zh-CN"], in: root)
        let lines = rollup.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "生命周期汇总，截至 2026-11-29（金额单位：CNY）", "\(rollup)")
        #expect(lines.contains { $0.hasPrefix("行业 tobacco ") }, "\(rollup)")
        #expect(lines.contains { $0.hasPrefix("合计 ") }, "\(rollup)")
        // Columns line up on screen: a Chinese character is two columns wide.
        let header = try #require(lines.first { $0.hasPrefix("分组") })
        let total = try #require(lines.first { $0.hasPrefix("合计") })
        #expect(Self.width(header) == Self.width(total), "\(header)\n\(total)")
        let markdown = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--format", "markdown", "--lang", "zh-CN"], in: root)
        #expect(markdown.stdout.hasPrefix("### 生命周期汇总，截至 2026-11-29 (CNY)\n\n| 分组 | 客户数 | "), "\(markdown)")
        for format in ["json", "csv"] {
            let plain = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--format", format], in: root)
            let chinese = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--format", format, "--lang", "zh-CN"], in: root)
            #expect(plain.stdout == chinese.stdout, "\(format)")
        }

        let plan = root.appendingPathComponent("accounts/east/zhejiang-tobacco.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "stage: industry-solution", with: "stage: integration")
            .write(to: plan, atomically: true, encoding: .utf8)
        let diff = try CLI.output(["diff", "--format", "markdown", "--lang", "zh-CN"], in: root)
        #expect(diff.stdout.hasPrefix("### acctplan：1 个计划有变化（暂存区 → 工作区）\n\n**生命周期阶段变动**\n\n"
            + "- `zhejiang-tobacco`: industry-solution → **integration**\n\n#### `zhejiang-tobacco`（客户，修改）\n\n"
            + "| 项目 | 之前 | 之后 |\n"), "\(diff)")
        let diffJSON = try CLI.output(["diff", "--format", "json"], in: root)
        let diffJSONChinese = try CLI.output(["diff", "--format", "json", "--lang", "zh-CN"], in: root)
        #expect(diffJSON.stdout == diffJSONChinese.stdout)
    }

    /// Display columns: CJK ideographs and full-width forms are two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}

/// The HTML dashboard in Chinese: `lang="zh-CN"`, headings, tiles, legends.
struct DashboardLanguageTests {
    @Test func dashboardInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let written = try CLI.output(["report", "--output", "zh", "--as-of", Fixture.asOf, "--lang", "zh-CN"], in: root)
        #expect(written.status == 0, "\(written)")
        #expect(written.stdout == "已为 6 个客户写入 23 个文件；请打开 zh/index.html\n", "18 files and the five whitespace pages (3 industries, 2 segments): \(written)")
        let index = try String(contentsOf: root.appendingPathComponent("zh/index.html"), encoding: .utf8)
        #expect(index.contains("<html lang=\"zh-CN\">"))
        #expect(index.contains("<title>大客户仪表板，2026-11-29</title>"))
        #expect(index.contains("<h1>大客户：生命周期仪表板</h1><p class=\"subtitle\">6 个客户，分属 3 个行业和 2 个细分市场，截至 2026-11-29。</p>"))
        #expect(index.contains("<h2>按成交季度的商机管道</h2>"))
        #expect(index.contains("<span class=\"swatch weighted\"></span>加权商机金额</li>"))
        #expect(index.contains("部门级应用"), "the default stages' labels in the legends")
        #expect(!index.contains("Pipeline by close quarter"))
        let account = try String(contentsOf: root.appendingPathComponent("zh/accounts/zhejiang-tobacco.html"), encoding: .utf8)
        #expect(account.contains("<html lang=\"zh-CN\">"))
        #expect(account.contains("<h2>干系人</h2>"))
        #expect(account.contains("<th>姓名</th>") || account.contains("姓名</th>"), "the Stakeholders table's header")
        #expect(account.contains("<h2>健康评分："))
        // What a newcomer trial still found in English: the subtitle, the score's band and its
        // link, the plan's lint findings, and the note where the trend would be.
        #expect(account.contains("<p class=\"subtitle\">客户 <code>zhejiang-tobacco</code>"), "\(account)")
        #expect(account.contains("：评分如何得出</a>") && !account.contains("how it is reached"), "\(account)")
        #expect(!account.contains("\">green<") && !account.contains("\">amber<"), "\(account)")
        let flagged = try #require(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("zh/accounts").path)
            .map { try String(contentsOf: root.appendingPathComponent("zh/accounts/" + $0), encoding: .utf8) }
            .first { $0.contains("<strong>acctplan lint") })
        #expect(flagged.contains("<strong>acctplan lint：0 个错误，1 个警告</strong>") && flagged.contains("</code> 警告: ") && !flagged.contains("</code> warning: "), "\(flagged)")
        #expect(index.contains("阶段趋势") && !index.contains("stage trend"), "the note where the trend would be")
        // The group, follow-up, definitions and views pages, the pipeline chart's quarters, the source.
        func page(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent("zh/" + path), encoding: .utf8) }
        let tobacco = try page("industries/tobacco.html")
        #expect(tobacco.contains("class=\"subtitle\">行业 <code>tobacco</code> · 计划 <code>industries/tobacco.md</code>"), "\(tobacco)")
        #expect(tobacco.contains("<h2>客户（2）</h2>") && tobacco.contains("<th>客户经理</th>") && tobacco.contains("<th class=\"num\">逾期行动</th>"))
        let followUps = try page("follow-ups.html")
        #expect(followUps.contains("<h1>待跟进</h1>") && followUps.contains("<h2 id=\"overdue\">逾期的行动（"), "\(followUps)")
        let definitions = try page("definitions.html")
        #expect(definitions.contains("<h1>各项数字的定义</h1>") && definitions.contains("<h2 id=\"whitespace\">空白点地图</h2>"))
        #expect(!definitions.contains("Weighted pipeline"))
        let view = try page("views/closing-this-quarter.html")
        #expect(view.contains("<th>客户</th>") && view.contains("<th>位置</th>") && view.contains(" 行；合计 weighted "), "\(view)")
        #expect(index.contains(">10–12月</text>") && index.contains("截至 2026-11-29 · 工作区 · "), "\(index)")
        let english = try CLI.output(["report", "--output", "en", "--as-of", Fixture.asOf], in: root)
        #expect(english.status == 0)
        let englishIndex = try String(contentsOf: root.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(englishIndex.contains(">Oct–Dec</text>") && englishIndex.contains("as of 2026-11-29 · working tree · "))
        let englishTobacco = try String(contentsOf: root.appendingPathComponent("en/industries/tobacco.html"), encoding: .utf8)
        #expect(englishTobacco.contains("<h2>Accounts (2)</h2>") && englishTobacco.contains("<th class=\"num\">Overdue actions</th>"))
        #expect(englishIndex.contains("<html lang=\"en\">"))
        #expect(englishIndex.contains("<h2>Pipeline by close quarter</h2>"))
    }
}

/// `score` and `diff` (text) in Chinese.
struct ScoreDiffLanguageTests {
    @Test func scoreAndDiffTextInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let score = try CLI.output(["score", "--as-of", Fixture.asOf, "--lang", "zh-CN"], in: root)
        let lines = score.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("客户健康评分，截至 2026-11-29（满分 100；绿色 ≥ ") == true, "\(score)")
        #expect(lines.contains { $0.contains("  绿色   ") } && !lines.contains { $0.contains(" green ") }, "the bands in Chinese: \(score)")
        #expect(lines.contains { $0.hasPrefix("6 个客户：") && $0.contains("平均评分") }, "\(score)")
        #expect(lines.contains("“acctplan score --explain”会列出每一分的来源。"), "\(score)")
        let english = try CLI.output(["score", "--as-of", Fixture.asOf], in: root)
        #expect(english.stdout.hasPrefix("Account health as of 2026-11-29 (score out of 100; "), "\(english)")
        for format in ["json", "csv"] {
            let plain = try CLI.output(["score", "--as-of", Fixture.asOf, "--format", format], in: root)
            let chinese = try CLI.output(["score", "--as-of", Fixture.asOf, "--format", format, "--lang", "zh-CN"], in: root)
            #expect(plain.stdout == chinese.stdout, "\(format)")
        }

        let plan = root.appendingPathComponent("accounts/east/zhejiang-tobacco.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "stage: industry-solution", with: "stage: integration")
            .write(to: plan, atomically: true, encoding: .utf8)
        let diff = try CLI.output(["diff", "--lang", "zh-CN"], in: root)
        #expect(diff.stdout.hasPrefix("accounts/east/zhejiang-tobacco.md（客户 zhejiang-tobacco，修改）\n  stage: industry-solution → integration\n"),
                "\(diff)")
        let englishDiff = try CLI.output(["diff"], in: root)
        #expect(englishDiff.stdout.hasPrefix("accounts/east/zhejiang-tobacco.md (account zhejiang-tobacco, modified)\n"), "\(englishDiff)")
    }
}

/// `query` (text) in Chinese: the words around the table; CSV and JSON unchanged.
struct QueryLanguageTests {
    @Test func queryInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let chinese = try CLI.output(["query", "opportunities", "open:yes", "--sum", "amount", "--as-of", Fixture.asOf, "--lang", "zh-CN"],
                                     in: root)
        #expect(chinese.stdout.hasPrefix("客户 "), "\(chinese)")
        #expect(chinese.stdout.contains(" 行；合计 amount "), "\(chinese)")
        let english = try CLI.output(["query", "opportunities", "open:yes", "--sum", "amount", "--as-of", Fixture.asOf], in: root)
        #expect(english.stdout.hasPrefix("account "), "\(english)")
        #expect(english.stdout.contains(" rows; total amount "), "\(english)")
        for format in ["csv", "json"] {
            let plain = try CLI.output(["query", "opportunities", "--format", format, "--as-of", Fixture.asOf], in: root)
            let zh = try CLI.output(["query", "opportunities", "--format", format, "--as-of", Fixture.asOf, "--lang", "zh-CN"], in: root)
            #expect(plain.stdout == zh.stdout, "\(format)")
        }
    }

    /// Its errors, each as the query engine writes it (CatalogueTests lists more).
    @Test(arguments: [
        (["opportunities", "amount:abc"], "“amount:abc”中的“abc”不是金额", "amount 需要金额，例如 amount:1M"),
        (["opportunities", "amount"], "“amount”不是查询条件：请写成 字段:值", "条件的写法：field:value"),
        (["opportunities", "--sum", "name"], "--sum name：name 是 text 类型，不是金额或数字", "只能对金额或数字字段求和"),
        (["actions", "overdue:maybe"], "“overdue:maybe”中的“maybe”不是“yes”或“no”", "overdue 需要“yes”或“no”，例如 overdue:yes"),
        // A term that can pass nothing (a newcomer trial: "0 rows").
        (["opportunities", "name:"], "“name:”的“:”后面没有值", "请写出要查找的值，例如 name:word；not:has:name 会列出没有该值的行"),
        (["opportunities", "name:~"], "“name:~”的“~”后面没有文字", "请写出要查找的文字，例如 name:~word"),
        (["opportunities", "amount:5M..1M"], "范围“amount:5M..1M”是反的：5M 大于 1M", "是否应为“amount:1M..5M”？"),
        (["opportunities", "close:2027Q1..2026Q4"], "范围“close:2027Q1..2026Q4”是反的：2027Q1 晚于 2026Q4", "是否应为“close:2026Q4..2027Q1”？"),
        (["opportunities", "probability:>150"], "“probability:>150”不会匹配任何行：probability 的取值范围是 0 到 100",
         "请写出 0 到 100 之间的值，例如 probability:>=50"),
    ])
    func queryErrorsReadInChinese(arguments: [String], message: String, hint: String) throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        #expect(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let failed = try CLI.output(["query"] + arguments + ["--lang", "zh-CN"], in: root)
        #expect(failed.status == 2, "\(failed)")
        #expect(failed.stderr.contains("acctplan: 错误: " + message), "\(failed)")
        #expect(failed.stderr.contains("提示: " + hint), "\(failed)")
    }
}
