import Foundation
import Testing

/// `diff` and `log` in Chinese: the summaries' and the prose's words change, ids, keys, values and
/// headings stay as written; English is unchanged; `commit` writes its summary in English in every
/// language (the message is in the repository). Real binary, the template from `acctplan init`.
struct DiffChineseTests {
    static let row = "| opp-leaf-upgrade    | Leaf procurement suite upgrade              | won       | 1,200,000 |             | 2026-09-15 | industry |\n"
    static let action = "Confirm the phase-2 scope and payment plan with the CFO #opp-consolidation"

    /// Shanghai Tobacco gets two opportunities, ticks an action and moves a date in its prose.
    static func edit(_ repo: DiffRepo) throws {
        let path = "accounts/east/shanghai-tobacco.md"
        var text = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        for (old, new) in [
            (row, row + "| opp-tax | Tax cloud | qualify | 800,000 | | 2027-06-30 | tax |\n"
                + "| opp-hr | HR cloud | qualify | 600,000 | | 2027-06-30 | hr |\n"),
            ("- [ ] 2026-12-05 @li-you \(action)", "- [x] 2026-12-05 @li-you \(action)"),
            ("service agreement renews on 2027-03-31", "service agreement renews on 2027-06-30"),
        ] {
            try #require(text.contains(old), "the template still says \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try repo.write(text, to: path)
    }

    @Test func summariesAndProseInChinese() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try Self.edit(repo)
        try repo.commit("c1", "Shanghai: two opportunities", at: "2026-11-29T10:00:00Z")

        let english = try repo.acctplan(["log"], extra: ["NO_COLOR": "1"])
        #expect(english.stdout.contains("\n    shanghai-tobacco: +2 opportunities; action '\(Self.action)' done; "
            + "prose edited (Post-go-live service)\n"), "\(english)")
        let chinese = try repo.acctplan(["log", "--lang", "zh-CN"], extra: ["NO_COLOR": "1"])
        #expect(chinese.stdout.contains("\n    shanghai-tobacco: +2 个商机；行动“\(Self.action)”已完成；"
            + "正文已修改（Post-go-live service）\n"), "\(chinese)")
        #expect(chinese.stdout.contains("    harbour-city-land: 新增客户计划\n"), "\(chinese)")

        let text = try repo.acctplan(["diff", "HEAD~1", "HEAD", "--lang", "zh-CN"], extra: ["NO_COLOR": "1"])
        #expect(text.stdout.contains("accounts/east/shanghai-tobacco.md（客户 shanghai-tobacco，修改）\n"), "\(text)")
        #expect(text.stdout.contains("\n  正文，Post-go-live service：\n    - service agreement renews on 2027-03-31"), "\(text)")
        let markdown = try repo.acctplan(["diff", "HEAD~1", "HEAD", "--format", "markdown", "--lang", "zh-CN"])
        #expect(markdown.stdout.contains("正文，**Post-go-live service**：\n\n```diff\n"), "\(markdown)")
        let englishMarkdown = try repo.acctplan(["diff", "HEAD~1", "HEAD", "--format", "markdown"])
        #expect(englishMarkdown.stdout.contains("Prose, **Post-go-live service**:\n\n```diff\n"), "\(englishMarkdown)")
        // JSON is the same bytes in every language.
        let json = try repo.acctplan(["diff", "HEAD~1", "HEAD", "--format", "json"])
        let jsonChinese = try repo.acctplan(["diff", "HEAD~1", "HEAD", "--format", "json", "--lang", "zh-CN"])
        #expect(json.status == 0 && json.stdout == jsonChinese.stdout)
    }

    @Test func commitWritesItsSummaryInEnglishInEveryLanguage() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        try Self.edit(repo)
        let committed = try repo.acctplan(["commit", "-a", "-m", "Shanghai: two opportunities", "--no-verify", "--lang", "zh-CN"])
        #expect(committed.status == 0, "\(committed)")
        let message = try repo.git(["log", "-1", "--format=%B"]).stdout
        #expect(message.contains("shanghai-tobacco: +2 opportunities; action '\(Self.action)' done; prose edited (Post-go-live service)"),
                "\(message)")
    }
}
