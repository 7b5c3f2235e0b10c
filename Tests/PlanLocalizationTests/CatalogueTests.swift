import PlanEngine
@testable import PlanLocalization
import PlanModel
import PlanWorkspace
import Testing

/// The message catalogue is complete and consistent: each entry's two languages carry the same
/// values, and every message acctplan makes — each rule's examples, a corpus of broken plans and
/// configurations — reads in Chinese (none falls back to English).
struct CatalogueTests {
    @Test func bothLanguagesCarryTheSameValues() {
        for (english, chinese) in MessageCatalogue.all {
            let en = MessageTemplate(english), zh = MessageTemplate(chinese)
            #expect(Set(en.holes) == Set(zh.holes), "values differ: '\(english)' / '\(chinese)'")
            let translated = { (template: MessageTemplate) in
                Set(template.pieces.compactMap { if case .hole(let n, true) = $0 { n } else { nil } })
            }
            #expect(translated(en) == translated(zh), "translated values differ: '\(english)' / '\(chinese)'")
            #expect(!en.hasAdjacentHoles, "two values touch in '\(english)': it cannot be read back")
            #expect(!chinese.isEmpty && chinese != english, "'\(english)' has no Chinese")
        }
    }

    @Test func everyEnglishTemplateIsListedOnce() {
        var seen: Set<String> = []
        for (english, _) in MessageCatalogue.all {
            #expect(seen.insert(english).inserted, "'\(english)' is listed twice")
        }
    }

    @Test func messagesAreReadBackAndFilled() {
        #expect(Localizer.translate("unknown rule 'no-sponsr' (did you mean 'no-sponsor'?)", to: .zhCN)
            == "未知规则“no-sponsr”（是否应为“no-sponsor”？）")
        #expect(Localizer.translate("action 'Call Li: agree the date' was due 2027-01-10, 1 day ago", to: .zhCN)
            == "行动“Call Li: agree the date”应于 2027-01-10 完成，已逾期 1 天")
        #expect(Localizer.translate("team member 'li-yu' is not in people:", to: .zhCN) == "团队成员“li-yu”不在 people: 中")
        #expect(Localizer.translate("amount 'CNY -5' for 'revenue_target' is negative", to: .zhCN)
            == "“revenue_target”的金额“CNY -5”为负数")
        // English is returned as it is, and text the catalogue does not know stays English.
        #expect(Localizer.translate("no stakeholder is a decision-maker or sponsor", to: .en)
            == "no stakeholder is a decision-maker or sponsor")
        #expect(Localizer.translate("something new", to: .zhCN) == "something new")
        #expect(!Localizer.isTranslated("something new"))
    }

    /// Every diagnostic of every rule's examples, valid and invalid, of any rule.
    @Test(arguments: RuleRegistry.all.map(\.description.id))
    func ruleExamplesReadInChinese(_ id: RuleID) throws {
        let rule = try #require(RuleRegistry.rule(id))
        for example in rule.description.valid + rule.description.invalid {
            var files: [String: String] = [:]
            for (path, text) in example.files { files[path] = text.replacingAll(RuleExample.marker) }
            try expectTranslated(files, asOf: example.asOf)
        }
    }

    @Test(arguments: BrokenPlans.corpus.indices)
    func brokenPlansReadInChinese(_ index: Int) throws {
        try expectTranslated(BrokenPlans.corpus[index], asOf: CalendarDate(year: 2027, month: 6, day: 30)!)
    }

    func expectTranslated(_ files: [String: String], asOf: CalendarDate) throws {
        let workspace = try WorkspaceLoader.load(from: MemorySource(files))
        let diagnostics = Linter.lint(workspace, asOf: asOf)
        for diagnostic in diagnostics {
            #expect(Localizer.isTranslated(diagnostic.message), "no Chinese for [\(diagnostic.rule)] '\(diagnostic.message)'")
            if let hint = diagnostic.hint {
                #expect(Localizer.isTranslated(hint), "no Chinese for the hint of [\(diagnostic.rule)] '\(hint)'")
            }
        }
    }
}

extension String {
    func replacingAll(_ character: Character) -> String { String(filter { $0 != character }) }
}

struct RuleSummaryTests {
    @Test func everyRuleHasAChineseSummary() {
        for rule in RuleRegistry.descriptions {
            let chinese = RuleSummaries.summary(rule.id, english: rule.summary, in: .zhCN)
            #expect(chinese != rule.summary, "\(rule.id) has no Chinese summary")
        }
        #expect(Set(RuleSummaries.chinese.keys) == Set(RuleRegistry.descriptions.map(\.id.rawValue)),
                "a Chinese summary of a rule that does not exist")
    }
}

/// What each front-matter key means, which the language server's hover shows in the
/// workspace's language: every key of the schema has it in Chinese.
struct FieldSummaryTests {
    @Test func everyFieldOfTheSchemaHasAChineseSummary() {
        for field in PlanSchema.standard.fields {
            #expect(Localizer.isTranslated(field.summary), "\(field.key) has no Chinese summary")
        }
    }
}

/// Error lines: every way the workspace cannot be read, and what the services say most often.
struct ErrorLineTests {
    @Test func workspaceErrorsReadInChinese() {
        let errors: [WorkspaceError] = [
            .notFound(searchedFrom: "/home/li/plans"), .bareRepository("/srv/plans.git"), .notADirectory("x.md"),
            .outsideWorkspace("../x.md"), .unreadable("accounts/a.md", "Permission denied"), .alreadyExists("accounts/a.md"),
            .unwritable("accounts/a.md", "No space left on device"), .changedMeanwhile("accounts/a.md"),
        ]
        for error in errors {
            #expect(Localizer.isTranslated(error.description), "no Chinese for '\(error.description)'")
        }
    }

    @Test func serviceErrorsReadInChinese() {
        for message in [
            "no account plan 'acme' in the workspace (did you mean 'acme-corp'?)",
            "no plan 'acme' in the workspace",
            "unknown revision 'mian': no commit of that name in /srv/plans",
            "--since 2027-01-01 is after the as-of date 2026-11-29 (today unless --as-of says otherwise); check the year",
            "'HEAD~3' is neither a revision nor a path in the workspace",
            "a segment plan 'smb' already exists at segments/smb.md",
            "an account plan 'acme' already exists at accounts/acme.md",
            "industry 'tobaco' has no plan in industries/ (did you mean 'tobacco'?); 'acctplan lint' will warn until it has one",
            "'li-yoo' is not in people: of acctplan.yml; 'acctplan lint' will warn until it is",
            "ids must be ASCII: lowercase letters a-z, digits and '-' (the text can go in a name column), e.g. 'opp-1'",
            "ids use lowercase letters, digits and '-', e.g. 'opp-erp'",
            "unknown value 'negotate' for stage; did you mean 'negotiate'?",
            "stage takes: qualify, develop, propose, negotiate, won, lost",
            "unknown field 'amout'; did you mean 'amount'?",
            "fields: id, name, stage",
            "entities: accounts, opportunities",
            // Query errors past the unknown-word ones, as PlanQuery writes them.
            "'abc' in 'amount:abc' is not an amount", "amount takes an amount, e.g. amount:1M or \"CNY 2.4M\"",
            "'x' in 'overdue:x' is not yes or no", "overdue takes yes or no, e.g. overdue:yes",
            "'soon' in 'due:soon' is not a date", "due takes a date, e.g. due:2027-03-31, today+30d, 2027Q1 or thisquarter",
            "'half' in 'probability:half' is not a percent", "'many' in 'stakeholders:many' is not a number",
            "'amount' is not a term: write field:value, e.g. stage:negotiate",
            "terms: field:value, field:>V, field:A..B, field:~text, has:field, not:TERM",
            "'JPY 1M' in 'amount:JPY 1M': no fx rate for JPY in acctplan.yml", "add it under fx:, or write the amount in CNY",
            "--sum name: name is text, not an amount or a number", "sum money or number fields, e.g. --sum amount",
            "the quote ' is not closed in 'opportunities 'stage:won'", "close it, e.g. 'amount:>CNY 1M'",
            "the view is empty", "write ENTITY [TERM...], e.g. actions overdue:yes",
            "a view cannot run another view ('@mine')", "a view starts with what it lists, not '--sum'", "e.g. opportunities open:yes",
            "--rev names a version of the plans; a view saves only the question",
            "give --rev on the command line: acctplan query @view --rev ...",
            "no plan 'acme' at HEAD, and no commit shown changed one (did you mean 'acme-corp'?)",
            "name a plan by its id: the file name without .md",
            "this is a shallow clone: if it names an older commit, fetch all of it with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)",
            "No quarter has ended since the first commit (as of 2026-12-06), so the stage trend has no point yet.",
            "No month has ended since 2026-11-15 (as of 2026-12-06), so the stage trend has no point yet.",
            "No stage trend: acctplan cannot read the history of this shallow clone (object not found); fetch all of it with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0).",
            "This workspace is not in a git repository, so there is no history to draw the stage trend from.",
            "The repository has no commits yet, so there is no history to draw the stage trend from.",
            "'name:' has no value after its ':'", "write the value to look for, e.g. name:word; not:has:name lists the rows without one",
            "'name:~' has no text after its '~'", "write the text to look for, e.g. name:~word",
            "the range 'amount:5M..1M' is reversed: 5M is more than 1M", "did you mean 'amount:1M..5M'?",
            "the range 'close:2027Q1..2026Q4' is reversed: 2027Q1 is after 2026Q4",
            "'probability:>150' can match nothing: probability runs from 0 to 100", "write a value from 0 to 100, e.g. probability:>=50",
            // Why resolve merged a plan line by line (PlanMerger's fallback reasons).
            "ours is binary (NUL bytes)", "theirs is larger than the 4 MiB limit", "base already holds conflict markers (line 12)",
            "no front matter", "the base version has no front matter",
            "the merged plan would not parse (line 1: front matter is never closed)",
            "February 2026 has 28 days", "there is no month 13: months are 01 to 12",
            "amount takes an amount, e.g. amount:1M or \"CNY 2.4M\"", "close takes a date, e.g. close:2027-03-31, today+30d, 2027Q1 or thisquarter",
            "'nosuch.md' does not exist in the working tree", "'nosuch.md' does not exist in the index",
            "--sort needs a value", "'not:reviewed:' has no value after its ':'",
            "quote a term with > or < for the shell, which reads them as a redirection: 'reviewed:>=V'", "--limit 'ten' is not a number of rows", "--limit -1: the limit must be 0 or more",
            "accounts/a.md cannot be read as a plan: plan has no front matter; run 'acctplan lint accounts/a.md'",
            "unknown lifecycle stage 'integrat' (did you mean 'integration'?)",
            "1 account plan is not counted: accounts/a.md (cannot be read); 'acctplan lint' shows why",
            "3 account plans are not counted: accounts/a.md (unresolved merge conflict), accounts/b.md (cannot be read), "
                + "accounts/c.md (cannot be read); 'acctplan lint' shows why",
            // A commit in history, or the editor's workspace, whose acctplan.yml cannot be read.
            "the score trend leaves out 2026-09-30, 2026-10-31: it reads commit d16b77c there, where acctplan.yml has unresolved "
                + "merge conflicts (line 7), and no score is computed with default settings",
            "'acctplan lint --rev d16b77c' shows where",
            "HEAD~1 (d16b77c): acctplan.yml has unresolved merge conflicts (line 7): the plans changed there are not compared "
                + "(nothing is compared with default settings)",
            "not compared: acctplan.yml cannot be read in the old version", "not compared: acctplan.yml cannot be read in either version",
            "acctplan.yml has unresolved merge conflicts (line 1); this plan is checked again once it can be read",
            "fix acctplan.yml ('acctplan lint' shows where): no plan is checked against default settings meanwhile",
        ] {
            #expect(Localizer.isTranslated(message), "no Chinese for '\(message)'")
        }
        #expect(Localizer.translate("accounts/a.md cannot be read as a plan: plan has no front matter; run 'acctplan lint accounts/a.md'",
                                    to: .zhCN)
            == "accounts/a.md 无法作为计划读取：计划没有前置元数据（front matter）；请运行“acctplan lint accounts/a.md”")
        // The reason inside, translated too.
        #expect(Localizer.translate("acctplan.yml cannot be read (line 7: acctplan.yml: duplicate key 'fx'); "
                                    + "no plan is compared while it cannot be read", to: .zhCN)
            == "无法读取 acctplan.yml（第 7 行：acctplan.yml：重复的键“fx”）；在它可以读取之前不比较任何计划")
    }
}
