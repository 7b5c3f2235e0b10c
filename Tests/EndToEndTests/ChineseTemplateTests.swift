import Foundation
import Testing

/// `acctplan init --lang zh-CN`: the Chinese template (workspace-template-zh/), written with the
/// Chinese headings and values of docs/format.md, checks clean and adds up as worked out by hand.
struct ChineseTemplateTests {
    static var folder: URL { CLI.packageRoot().appendingPathComponent("workspace-template-zh") }

    @Test func initLangZhCNCreatesTheChineseTemplateByteForByte() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let result = try sandbox.acctplan(["init", "--lang", "zh-CN", "ws"], in: sandbox.temp.url)
        #expect(result.status == 0, "\(result)")
        let ws = sandbox.temp.path("ws")
        let template = Tree.snapshot(Self.folder)
        let created = Tree.snapshot(ws, excluding: [".git"])
        #expect(Set(created.keys) == Set(template.keys))
        for (path, bytes) in template where created[path] != nil {
            #expect(created[path] == bytes, "\(path) differs from workspace-template-zh/\(path) (run scripts/bundle-template)")
        }
        #expect(try sandbox.status(ws) == [], "everything committed")
        let config = try #require(String(data: created["acctplan.yml"] ?? Data(), encoding: .utf8))
        #expect(config.contains("\nlanguage: zh-CN\n"))
        // Chinese throughout: headings, roles, 万 amounts, slash dates.
        let plan = try #require(String(data: created["accounts/east/shanghai-tobacco.md"] ?? Data(), encoding: .utf8))
        for word in ["## 干系人", "## 商机", "## 行动计划", "| 决策者 |", "| 强 ", "1800万", "人民币 240万", "2027/01/31"] {
            #expect(plan.contains(word), "\(word)")
        }
        #expect(String(data: created["README.md"] ?? Data(), encoding: .utf8)?.contains("大客户计划工作区") == true)

        // Clean, canonical, and also on the day before the first action falls due.
        for args in [["lint", "--strict", "--as-of", "2026-11-29"], ["lint", "--strict", "--as-of", "2026-12-11"], ["fmt", "--check"]] {
            let run = try sandbox.acctplan(args, in: ws)
            #expect(run.status == 0, "\(args): \(run)")
        }
        // `init` without --lang still writes the English template; the languages are exact codes.
        let english = try sandbox.acctplan(["init", "--lang", "en", "en-ws"], in: sandbox.temp.url)
        #expect(english.status == 0, "\(english)")
        #expect(!((try? String(contentsOf: sandbox.temp.path("en-ws/acctplan.yml"), encoding: .utf8)) ?? "").contains("language:"))
    }

    @Test func theChineseTemplateAddsUpAsWorkedOutByHand() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--lang", "zh-CN", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let rollup = try sandbox.acctplan(["rollup", "--as-of", "2026-11-29", "--format", "csv"], in: sandbox.temp.path("ws"))
        #expect(rollup.status == 0, "\(rollup)")
        let rows = rollup.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let header = rows.first?.split(separator: ",").map(String.init) ?? []
        func row(_ group: String) -> [String: String] {
            guard let line = rows.first(where: { $0.contains(",\(group),") }) else { return [:] }
            return Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
        // tobacco: shanghai-tobacco (integration, 1800万) and zhejiang-tobacco (industry-solution, 950万).
        // Open: 240万 + 350万 + 520万 + 300万 + 80万 = 14,900,000 (opp-leaf-upgrade won, opp-logistics lost).
        // Weighted: 2.4M × 80% + 3.5M × 50% (propose) + 5.2M × 35% + 3M × 60% + 0.8M × 10% (qualify)
        //   = 1,920,000 + 1,750,000 + 1,820,000 + 1,800,000 + 80,000 = 7,370,000.
        // Target 2600万 against 1800万 + 950万 = 27,500,000 planned: a gap of -1,500,000.
        let tobacco = row("tobacco")
        #expect(tobacco["accounts"] == "2", "\(rows)")
        #expect(tobacco["revenue_target"].flatMap { Decimal(string: $0) } == 26_000_000, "\(tobacco)")
        #expect(tobacco["pipeline_open"].flatMap { Decimal(string: $0) } == 14_900_000, "\(tobacco)")
        #expect(tobacco["pipeline_weighted"].flatMap { Decimal(string: $0) } == 7_370_000, "\(tobacco)")
        // energy: huaxia-power only. 人民币 450万 × 90% + 600万 × 50% = 4,050,000 + 3,000,000.
        let energy = row("energy")
        #expect(energy["pipeline_open"].flatMap { Decimal(string: $0) } == 10_500_000, "\(energy)")
        #expect(energy["pipeline_weighted"].flatMap { Decimal(string: $0) } == 7_050_000, "\(energy)")
        // A saved view with a Chinese value.
        let view = try sandbox.acctplan(["query", "@decision-makers", "--format", "csv"], in: sandbox.temp.path("ws"))
        #expect(view.status == 0, "\(view)")
        #expect(view.stdout.split(whereSeparator: \.isNewline).count == 5, "a header and four 决策者: \(view)")
    }

    @Test func initRefusesAnUnknownLanguageAndNamesTheChoices() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let result = try sandbox.acctplan(["init", "--lang", "xx", "ws"], in: sandbox.temp.url)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("--lang 'xx' is not a language"), "\(result)")
        #expect(result.stderr.contains("use one of: en, zh-CN"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.temp.path("ws").path), "nothing written")
        // The shell completes the choices.
        let languages = try CompletionTests.complete(["acctplan", "init", "--lang", ""], in: sandbox.temp.url, sandbox: sandbox)
        #expect(languages == ["en", "zh-CN"])
    }
}

/// docs/format.zh-CN.md's plan examples are valid plans: each fenced `markdown` block, a whole plan
/// or a section (then under a minimal account header), linted in the Chinese template workspace.
struct ChineseFormatGuideExampleTests {
    static func examples() throws -> [String] {
        let guide = try String(contentsOf: CLI.packageRoot().appendingPathComponent("docs/format.zh-CN.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [String]?
        var fence = ""
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var open = current {
                if line == fence { blocks.append(open.joined(separator: "\n") + "\n"); current = nil } else { open.append(line); current = open }
            } else if line.hasPrefix("```"), line.hasSuffix("markdown") {
                fence = String(line.prefix { $0 == "`" })
                current = []
            }
        }
        return blocks
    }

    @Test func everyPlanExampleLintsClean() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 6, "\(examples.count) examples")
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--lang", "zh-CN", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        let header = "---\nname: 示例客户\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026/11/20\n---\n# 示例客户\n\n"
        let sponsor = "## 干系人\n\n| 姓名 | 角色 | 关系 |\n| --- | --- | --- |\n| 钱慧 | 发起人 | 中 |\n\n"
        for (index, example) in examples.enumerated() {
            let plan = example.hasPrefix("---\n") ? example : header + (example.contains("## 干系人") ? "" : sponsor) + example
            try GitFixture.write(plan, to: "accounts/doc-example-\(index + 1).md", in: ws)
        }
        // The Chinese template sets language: zh-CN; --lang en keeps this test's words English.
        let lint = try sandbox.acctplan(["lint", "--strict", "--as-of", "2026-11-29", "--lang", "en"], in: ws)
        #expect(lint.status == 0, "\(lint)")
        #expect(lint.stdout.contains("\(9 + examples.count) files checked, no problems"), "\(lint)")
    }
}
