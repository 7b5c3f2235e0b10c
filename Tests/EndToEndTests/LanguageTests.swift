import Foundation
import Testing

/// The language of what acctplan prints for people (docs/language.md): `--lang`, then
/// `language:` in acctplan.yml, then LC_ALL / LC_MESSAGES / LANG. Machine outputs never change.
struct LanguageTests {
    static let chineseLine =
        "accounts/a.md:5:8: 错误: 未知的生命周期阶段“industy-solution”（是否应为“industry-solution”？） [unknown-stage]"

    static func broken(_ temp: TempDir, config: String = Fixture.config) throws -> URL {
        let root = try Fixture.workspace(["accounts/a.md": Fixture.misspeltStage], in: temp)
        try config.write(to: root.appendingPathComponent("acctplan.yml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func langOptionOnTheCommandLine() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.broken(temp)
        let english = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(english.stdout.contains(Fixture.misspeltStageLine + "\n"), "\(english)")
        #expect(english.stdout.hasSuffix("1 error, 0 warnings in 2 files\n"), "\(english)")
        for arguments in [["--lang", "zh-CN", "lint"], ["lint", "--lang=zh-CN"], ["lint", "--lang", "zh_CN"]] {
            let chinese = try CLI.output(arguments + ["--as-of", Fixture.asOf], in: root)
            #expect(chinese.status == 1)
            #expect(chinese.stdout == Self.chineseLine + "\n"
                + "  提示: 可用阶段：departmental, industry-solution, integration（在 acctplan.yml 中设置）\n"
                + "2 个文件中有 1 个错误、0 个警告\n", "\(arguments): \(chinese)")
        }
        // JSON and SARIF are the same bytes in every language.
        for format in ["json", "sarif"] {
            let plain = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", format], in: root)
            let chinese = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", format, "--lang", "zh-CN"], in: root,
                                         env: ["LANG": "zh_CN.UTF-8"])
            #expect(plain.stdout == chinese.stdout, "\(format)")
            #expect(!chinese.stdout.contains("错误"))
        }
        let github = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "github", "--lang", "zh-CN"], in: root)
        #expect(github.stdout.contains("::未知的生命周期阶段“industy-solution”（是否应为“industry-solution”？）%0A提示: 可用阶段："),
                "\(github)")
    }

    @Test func workspaceSettingThenLocale() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let chosen = try Self.broken(temp, config: Fixture.config + "language: zh-CN\n")
        let byWorkspace = try CLI.output(["lint", "--as-of", Fixture.asOf], in: chosen, env: ["LANG": "en_US.UTF-8"])
        #expect(byWorkspace.stdout.hasPrefix(Self.chineseLine), "\(byWorkspace)")
        let overridden = try CLI.output(["lint", "--as-of", Fixture.asOf, "--lang", "en"], in: chosen)
        #expect(overridden.stdout.hasPrefix(Fixture.misspeltStageLine), "\(overridden)")

        let other = try TempDir()
        defer { other.remove() }
        let unset = try Self.broken(other)
        for (env, chinese) in [(["LANG": "zh_CN.UTF-8"], true), (["LC_MESSAGES": "zh_CN"], true), (["LANG": "zh"], true),
                               (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], false), (["LANG": "de_DE.UTF-8"], false)] {
            let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: unset, env: env)
            #expect(result.stdout.hasPrefix(chinese ? Self.chineseLine : Fixture.misspeltStageLine), "\(env): \(result)")
        }
        // A workspace that says English is English whatever the locale.
        let english = try TempDir()
        defer { english.remove() }
        let saysEnglish = try Self.broken(english, config: Fixture.config + "language: en\n")
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: saysEnglish, env: ["LANG": "zh_CN.UTF-8"])
        #expect(result.stdout.hasPrefix(Fixture.misspeltStageLine), "\(result)")
    }

    @Test func errorLinesAndUnknownLanguages() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let noWorkspace = try CLI.output(["lint", "--lang", "zh-CN"], in: temp.url)
        #expect(noWorkspace.status == 2)
        #expect(noWorkspace.stderr.hasPrefix("acctplan: 错误: 在 "), "\(noWorkspace)")
        #expect(noWorkspace.stderr.contains("没有找到 acctplan 工作区"), "\(noWorkspace)")

        let unknown = try CLI.output(["lint", "--lang", "fr"], in: temp.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "acctplan: error: --lang 'fr' is not a language\n  hint: use one of: en, zh-CN\n", "\(unknown)")

        // The workspace's `language:` also chooses the language of an error line.
        let root = try Self.broken(temp, config: Fixture.config + "language: zh-CN\n")
        let badDate = try CLI.output(["lint", "--as-of", "soon"], in: root)
        #expect(badDate.stderr == "acctplan: 错误: --as-of“soon”不是日期；请写成 YYYY-MM-DD，例如 2026-11-29\n", "\(badDate)")

        // An acctplan.yml saved with CRLF line ends says the same.
        let crlf = try Self.broken(temp, config: (Fixture.config + "language: zh-CN\n").replacingOccurrences(of: "\n", with: "\r\n"))
        let crlfDate = try CLI.output(["lint", "--as-of", "soon"], in: crlf)
        #expect(crlfDate.stderr == badDate.stderr, "\(crlfDate)")
        let crlfLint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: crlf, env: ["LANG": "en_US.UTF-8"])
        #expect(crlfLint.stdout.hasPrefix(Self.chineseLine), "\(crlfLint)")

        let config = try Self.broken(temp, config: Fixture.config + "language: fr\n")
        let lint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: config)
        #expect(lint.stdout.contains("acctplan.yml:7:11: error: unknown language 'fr' [config]\n  hint: language is one of: en, zh-CN\n"),
                "\(lint)")
    }

    @Test func rulesInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let rules = try CLI.output(["rules", "--lang", "zh-CN"], in: temp.url)
        #expect(rules.stdout.contains("no-sponsor         warning  客户计划的干系人中没有角色为决策者或发起人的人\n"), "\(rules)")
        let english = try CLI.output(["rules"], in: temp.url)
        #expect(english.stdout.contains("no-sponsor         warning  An account plan names no stakeholder"), "\(english)")
    }
}

/// `--help` in Chinese: `--lang`, the locale, or the workspace's `language:` when help is asked
/// for; the generated manual stays English.
struct HelpLanguageTests {
    @Test func lintHelpInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let help = try CLI.output(["lint", "--help", "--lang", "zh-CN"], in: temp.url)
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.hasPrefix("概述：按计划格式和检查规则检查计划与 acctplan.yml。\n"), "\(help)")
        #expect(help.stdout.contains("退出状态：0 没有错误；1 有错误"), "\(help)")
        #expect(help.stdout.contains("有警告也视为失败（退出状态 1）。"), "\(help)")
        #expect(help.stdout.contains("输出格式：text、json、github 或 sarif。"), "\(help)")
        #expect(help.stdout.contains("工作区根目录（默认："), "\(help)")

        let rollup = try CLI.output(["rollup", "--help", "--lang", "zh-CN"], in: temp.url)
        #expect(rollup.stdout.contains("按 industry、segment、manager、region"), "\(rollup)")
        let commit = try CLI.output(["commit", "-h", "--lang", "zh-CN"], in: temp.url)
        #expect(commit.stdout.contains("即使有检查错误也提交（但它修改的计划中有合并冲突标记时绝不提交）。"), "\(commit)")

        let english = try CLI.output(["lint", "--help"], in: temp.url)
        #expect(english.stdout.hasPrefix("OVERVIEW: Check plans and acctplan.yml against the plan format and the lint"))
        #expect(english.stdout.contains("Fail (exit 1) on warnings too."))

        let byLocale = try CLI.output(["--help"], in: temp.url, env: ["LANG": "zh_CN.UTF-8"])
        #expect(byLocale.stdout.hasPrefix("概述：以 Markdown 形式在 git 中管理大客户计划"), "\(byLocale)")
        #expect(byLocale.stdout.contains("rules                   列出所有检查规则"), "\(byLocale)")

        let root = try Fixture.workspace([:], in: temp)
        try (Fixture.config + "language: zh-CN\n").write(to: root.appendingPathComponent("acctplan.yml"), atomically: true, encoding: .utf8)
        let byWorkspace = try CLI.output(["show", "--help"], in: root)
        #expect(byWorkspace.stdout.hasPrefix("概述：按 acctplan 的理解显示一个计划"), "\(byWorkspace)")

        let dump = try CLI.output(["--experimental-dump-help"], in: root, env: ["LANG": "zh_CN.UTF-8"])
        #expect(dump.stdout.contains("Check plans and acctplan.yml against the plan format and the lint rules."))
        #expect(!dump.stdout.contains("按计划格式"))
    }
}

/// Warnings on standard error speak the language too.
struct WarningLanguageTests {
    @Test func sinceBeforeTheHistoryInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let chinese = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--since", "2001-01-01", "--lang", "zh-CN"], in: root)
        #expect(chinese.stderr.hasPrefix("acctplan: 警告: --since 2001-01-01 早于历史起点 "), "\(chinese)")
        #expect(chinese.stderr.contains("：所有客户都按新增计算\n  提示: 请给出 "), "\(chinese)")
        let english = try CLI.output(["rollup", "--as-of", Fixture.asOf, "--since", "2001-01-01"], in: root)
        #expect(english.stderr.hasPrefix("acctplan: warning: --since 2001-01-01 is before the history starts on "), "\(english)")
    }
}

/// The commit gate's refusal in Chinese: the diagnostics and the reason.
struct CommitLanguageTests {
    @Test func refusedCommitInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let plan = root.appendingPathComponent("accounts/east/zhejiang-tobacco.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "stage: industry-solution", with: "stage: industy-solution")
            .write(to: plan, atomically: true, encoding: .utf8)
        let refused = try CLI.output(["commit", "-a", "-m", "Stage", "--lang", "zh-CN"], in: root)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stdout.contains(": 错误: 未知的生命周期阶段“industy-solution”（是否应为“industry-solution”？） [unknown-stage]"),
                "\(refused)")
        #expect(refused.stderr == "acctplan: 拒绝提交：待提交的内容有 1 个检查错误；未做任何更改（请修正，或使用 --no-verify）\n", "\(refused)")
    }
}

/// `fmt` in Chinese: its tally.
struct FmtLanguageTests {
    @Test func fmtCheckInChinese() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let created = try CLI.output(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        let root = temp.path("ws")
        let clean = try CLI.output(["fmt", "--check", "--lang", "zh-CN"], in: root)
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stderr.hasPrefix("已检查 ") && clean.stderr.hasSuffix(" 个计划，全部为规范格式\n"), "\(clean)")
        let english = try CLI.output(["fmt", "--check"], in: root)
        #expect(english.stderr.hasSuffix(" plans checked, all in canonical form\n"), "\(english)")
    }
}
