import Foundation
import PlanEngine
import PlanLocalization
import PlanModel
import PlanParser
import PlanReports
import PlanWorkspace
import Testing

/// How the language is chosen, and what changes with it: the text a person reads does, the
/// machine outputs (JSON, SARIF) do not.
struct LanguageChoiceTests {
    @Test func localeValues() {
        for chinese in ["zh_CN.UTF-8", "zh_CN", "zh-CN", "zh", "zh_CN.GB18030", "zh_CN@pinyin"] {
            #expect(UILanguage.ofLocale(chinese) == .zhCN, "\(chinese)")
        }
        for english in ["C", "C.UTF-8", "POSIX", "en_US.UTF-8", "de_DE", "zh_TW.UTF-8", "zhx"] {
            #expect(UILanguage.ofLocale(english) == .en, "\(english)")
        }
        #expect(UILanguage.ofLocale(nil) == nil)
        #expect(UILanguage.ofLocale("") == nil)
        // LC_ALL, then LC_MESSAGES, then LANG: the first one set decides.
        #expect(UILanguage.ofEnvironment(lcAll: nil, lcMessages: "", lang: "zh_CN.UTF-8") == .zhCN)
        #expect(UILanguage.ofEnvironment(lcAll: "C", lcMessages: nil, lang: "zh_CN.UTF-8") == .en)
        #expect(UILanguage.ofEnvironment(lcAll: nil, lcMessages: "zh_CN", lang: "en_US") == .zhCN)
        #expect(UILanguage.ofEnvironment(lcAll: nil, lcMessages: nil, lang: nil) == .en)
    }

    @Test func settingValues() {
        #expect(UILanguage(setting: "zh-CN") == .zhCN)
        #expect(UILanguage(setting: "zh_cn") == .zhCN)
        #expect(UILanguage(setting: "en") == .en)
        #expect(UILanguage(setting: "fr") == nil)
        #expect(UILanguage(setting: "zh-TW") == nil)
    }

    @Test func acctplanYmlChoosesTheLanguage() {
        let (config, findings) = ConfigParser.parse(Data("language: zh-CN\n".utf8))
        #expect(config.language == .zhCN)
        #expect(findings.isEmpty)
        let (unset, _) = ConfigParser.parse(Data("currency: CNY\n".utf8))
        #expect(unset.language == nil)
        let (bad, problems) = ConfigParser.parse(Data("currency: CNY\nlanguage: fr\n".utf8))
        #expect(bad.language == nil)
        #expect(problems.map(\.rule) == [.config])
        #expect(problems.first?.message == "unknown language 'fr'")
        #expect(problems.first?.hint == "language is one of: en, zh-CN")
        #expect(problems.first?.location == SourceLocation(line: 2, column: 11))
    }

    static let broken = """
        ---
        name: Acme
        industry: tobacco
        stage: integrat
        manager: li-you
        reviewed: 2027-01-02
        ---
        ## Stakeholders

        | Name | Role |
        | --- | --- |
        | Zhou | user |
        """

    func report() throws -> LintReport {
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": Self.broken,
                                                                    "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]))
        let diagnostics = Linter.lint(workspace, asOf: CalendarDate(year: 2027, month: 1, day: 10)!)
        return LintReport(asOf: CalendarDate(year: 2027, month: 1, day: 10)!, diagnostics: diagnostics, files: 1)
    }

    @Test func theSameBrokenPlanInBothLanguages() throws {
        let report = try report()
        let english = TextReporter.render(report, language: .en)
        #expect(english == TextReporter.render(report))
        #expect(english == """
            accounts/acme.md:4:8: error: unknown lifecycle stage 'integrat' (did you mean 'integration'?) [unknown-stage]
              hint: stages are: departmental, industry-solution, integration (set in acctplan.yml)
            accounts/acme.md:8:1: warning: no stakeholder is a decision-maker or sponsor [no-sponsor]
              hint: find who decides at Acme and add them to Stakeholders
            1 error, 1 warning in 1 file

            """)
        #expect(TextReporter.render(report, language: .zhCN) == """
            accounts/acme.md:4:8: 错误: 未知的生命周期阶段“integrat”（是否应为“integration”？） [unknown-stage]
              提示: 可用阶段：departmental, industry-solution, integration（在 acctplan.yml 中设置）
            accounts/acme.md:8:1: 警告: 干系人中没有决策者或发起人 [no-sponsor]
              提示: 请找出 Acme 的决策人，并将其加入干系人表
            1 个文件中有 1 个错误、1 个警告

            """)
        #expect(GitHubReporter.render(report, language: .zhCN).contains("::warning file=accounts/acme.md,line=8,col=1,"
            + "title=acctplan no-sponsor::干系人中没有决策者或发起人%0A提示: 请找出 Acme 的决策人，并将其加入干系人表\n"))
        // Machine outputs are byte for byte the same in every language.
        for format in LintFormats.all where format.name == "json" || format.name == "sarif" {
            #expect(format.render(report, color: false, language: .zhCN) == format.render(report, color: false, language: .en))
            #expect(format.render(report, color: false, language: .zhCN) == format.render(report, color: false))
        }
    }

    @Test func pluralsInEnglishNoneInChinese() {
        #expect(LintWords.summary(errors: 1, warnings: 0, files: 1, in: .en) == "1 error, 0 warnings in 1 file")
        #expect(LintWords.summary(errors: 2, warnings: 1, files: 12, in: .en) == "2 errors, 1 warning in 12 files")
        #expect(LintWords.summary(errors: 0, warnings: 0, files: 3, in: .en) == "3 files checked, no problems")
        #expect(LintWords.summary(errors: 2, warnings: 1, files: 12, in: .zhCN) == "12 个文件中有 2 个错误、1 个警告")
        #expect(LintWords.summary(errors: 0, warnings: 0, files: 1, in: .zhCN) == "已检查 1 个文件，未发现问题")
    }

    @Test func errorLines() {
        let message = WorkspaceError.notFound(searchedFrom: "/tmp/x").description
        #expect(LintWords.errorLine(message, hint: nil, in: .en) == "acctplan: error: \(message)\n")
        #expect(LintWords.errorLine(message, hint: "use one of: en, zh-CN", in: .zhCN) == """
            acctplan: 错误: 在 /tmp/x 及其上级文件夹中都没有找到 acctplan 工作区（没有 acctplan.yml）；请运行“acctplan init”创建一个，或用 --workspace DIR 指定
              提示: 可选值：en, zh-CN

            """)
    }
}
