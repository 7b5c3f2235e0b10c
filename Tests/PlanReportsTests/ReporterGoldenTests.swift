import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// Golden-output tests: a fixed report rendered by each reporter, compared with the exact text.
struct ReporterGoldenTests {
    static let asOf = CalendarDate(parsing: "2026-11-29")!

    /// Already sorted by path, as the linter hands them over. Covers a quote, a percent sign, a comma,
    /// a colon (in a message and in a path), hints, and a Chinese folder name.
    static let diagnostics: [Diagnostic] = [
        Diagnostic(path: "accounts/east/a.md", line: 5, column: 8, severity: .error, rule: .unknownStage,
                   message: "unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?)",
                   hint: "stages are: departmental, industry-solution, integration"),
        Diagnostic(path: "accounts/west,north/x:y.md", line: 3, column: 1, severity: .error, rule: .invalidValue,
                   message: "amount \"12%\" is not money: write 1,200 or CNY 1.2k"),
        Diagnostic(path: "accounts/华东/shanghai-tobacco.md", line: 12, column: 10, severity: .warning, rule: .staleReview,
                   message: "plan was last reviewed 120 days ago (2026-08-01); the interval is 90 days",
                   hint: "review the plan with the account team and update `reviewed:`"),
    ]

    static let report = LintReport(asOf: asOf, diagnostics: diagnostics, files: 7)

    // MARK: text

    @Test func textWithoutColour() {
        let expected = """
            accounts/east/a.md:5:8: error: unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?) [unknown-stage]
              hint: stages are: departmental, industry-solution, integration
            accounts/west,north/x:y.md:3:1: error: amount "12%" is not money: write 1,200 or CNY 1.2k [invalid-value]
            accounts/华东/shanghai-tobacco.md:12:10: warning: plan was last reviewed 120 days ago (2026-08-01); the interval is 90 days [stale-review]
              hint: review the plan with the account team and update `reviewed:`
            2 errors, 1 warning in 7 files

            """
        let rendered = TextReporter.render(Self.report)
        #expect(rendered == expected)
        #expect(!rendered.contains("\u{1B}"))
        #expect(TextReporter.render(Self.report, color: false) == expected)
    }

    @Test func textWithColour() {
        let esc = "\u{1B}"
        let expected = """
            \(esc)[1maccounts/east/a.md:5:8\(esc)[0m: \(esc)[1;31merror\(esc)[0m: unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?) \(esc)[2m[unknown-stage]\(esc)[0m
              \(esc)[36mhint\(esc)[0m: stages are: departmental, industry-solution, integration
            \(esc)[1maccounts/west,north/x:y.md:3:1\(esc)[0m: \(esc)[1;31merror\(esc)[0m: amount "12%" is not money: write 1,200 or CNY 1.2k \(esc)[2m[invalid-value]\(esc)[0m
            \(esc)[1maccounts/华东/shanghai-tobacco.md:12:10\(esc)[0m: \(esc)[1;33mwarning\(esc)[0m: plan was last reviewed 120 days ago (2026-08-01); the interval is 90 days \(esc)[2m[stale-review]\(esc)[0m
              \(esc)[36mhint\(esc)[0m: review the plan with the account team and update `reviewed:`
            2 errors, 1 warning in 7 files

            """
        #expect(TextReporter.render(Self.report, color: true) == expected)
    }

    @Test func textSummaries() {
        #expect(TextReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 7)) == "7 files checked, no problems\n")
        #expect(TextReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 1)) == "1 file checked, no problems\n")
        #expect(TextReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 0)) == "0 files checked, no problems\n")
        let one = LintReport(asOf: Self.asOf, diagnostics: [Self.diagnostics[1]], files: 1)
        #expect(TextReporter.summary(one) == "1 error, 0 warnings in 1 file")
        let warnings = LintReport(asOf: Self.asOf, diagnostics: [Self.diagnostics[2], Self.diagnostics[2]], files: 2)
        #expect(TextReporter.summary(warnings) == "0 errors, 2 warnings in 2 files")
    }

    // MARK: json

    @Test func jsonExactlyAsPlanFormat() throws {
        let expected = #"""
            {"version":1,"as_of":"2026-11-29","diagnostics":[{"path":"accounts/east/a.md","line":5,"column":8,"severity":"error","rule":"unknown-stage","message":"unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?)","hint":"stages are: departmental, industry-solution, integration"},{"path":"accounts/west,north/x:y.md","line":3,"column":1,"severity":"error","rule":"invalid-value","message":"amount \"12%\" is not money: write 1,200 or CNY 1.2k","hint":null},{"path":"accounts/华东/shanghai-tobacco.md","line":12,"column":10,"severity":"warning","rule":"stale-review","message":"plan was last reviewed 120 days ago (2026-08-01); the interval is 90 days","hint":"review the plan with the account team and update `reviewed:`"}],"summary":{"files":7,"errors":2,"warnings":1}}

            """#
        let rendered = JSONReporter.render(Self.report)
        #expect(rendered == expected)

        // And it is valid JSON with the documented shape.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["as_of"] as? String == "2026-11-29")
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 3)
        #expect(diagnostics[1]["message"] as? String == "amount \"12%\" is not money: write 1,200 or CNY 1.2k")
        #expect(diagnostics[2]["path"] as? String == "accounts/华东/shanghai-tobacco.md")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 7)
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 1)
    }

    @Test func jsonEmptyReport() {
        let rendered = JSONReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 0))
        #expect(rendered == #"{"version":1,"as_of":"2026-11-29","diagnostics":[],"summary":{"files":0,"errors":0,"warnings":0}}"# + "\n")
    }

    // MARK: github

    @Test func githubWorkflowCommands() {
        let expected = """
            ::error file=accounts/east/a.md,line=5,col=8,title=acctplan unknown-stage::unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?)%0Ahint: stages are: departmental, industry-solution, integration
            ::error file=accounts/west%2Cnorth/x%3Ay.md,line=3,col=1,title=acctplan invalid-value::amount "12%25" is not money: write 1,200 or CNY 1.2k
            ::warning file=accounts/华东/shanghai-tobacco.md,line=12,col=10,title=acctplan stale-review::plan was last reviewed 120 days ago (2026-08-01); the interval is 90 days%0Ahint: review the plan with the account team and update `reviewed:`

            """
        #expect(GitHubReporter.render(Self.report) == expected)
    }

    @Test func githubEscapesPercentFirstAndLineBreaks() {
        let diagnostic = Diagnostic(path: "accounts/100%.md", line: 2, column: 4, severity: .error, rule: .invalidValue,
                                    message: "50% of\r\nit: %0A is literal", hint: "a, b")
        let rendered = GitHubReporter.render(LintReport(asOf: Self.asOf, diagnostics: [diagnostic], files: 1))
        #expect(rendered == "::error file=accounts/100%25.md,line=2,col=4,title=acctplan invalid-value::50%25 of%0D%0Ait: %250A is literal%0Ahint: a, b\n")
        #expect(GitHubReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 3)) == "")
    }

    // MARK: sarif

    @Test func sarifParsesBackAsSARIF210() throws {
        let rendered = SARIFReporter.render(Self.report, rules: RuleRegistry.descriptions)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        #expect((object["$schema"] as? String)?.contains("sarif") == true)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")

        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "acctplan")
        #expect(driver["version"] as? String == ToolInfo.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == RuleRegistry.all.map(\.description.id.rawValue))
        #expect(Set(ruleIDs).count == ruleIDs.count, "rule ids are unique")
        for id in ["unknown-stage", "invalid-value", "stale-review", "outside-workspace", "front-matter"] {
            #expect(ruleIDs.contains(id), "rule \(id) in the driver's catalogue")
        }
        for rule in rules {
            let configuration = rule["defaultConfiguration"] as? [String: Any]
            #expect(["error", "warning"].contains(configuration?["level"] as? String ?? ""))
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.diagnostics.count)
        for (result, diagnostic) in zip(results, Self.diagnostics) {
            #expect(result["ruleId"] as? String == diagnostic.rule.rawValue)
            if let index = result["ruleIndex"] as? Int {
                #expect(ruleIDs.indices.contains(index) && ruleIDs[index] == diagnostic.rule.rawValue,
                        "ruleIndex \(index) points at \(diagnostic.rule)")
            }
            #expect(result["level"] as? String == diagnostic.severity.rawValue)
            let message = (result["message"] as? [String: Any])?["text"] as? String
            #expect(message?.hasPrefix(diagnostic.message) == true)
            if let hint = diagnostic.hint { #expect(message?.contains(hint) == true) }
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            let uri = try #require(artifact["uri"] as? String)
            #expect(uri.removingPercentEncoding == diagnostic.path, "uri \(uri) names \(diagnostic.path)")
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == diagnostic.line)
            #expect(region["startColumn"] as? Int == diagnostic.column)
        }
        #expect(results[0]["level"] as? String == "error")
        #expect(results[2]["level"] as? String == "warning")
    }

    @Test func ciOutputsNameFilesFromTheRepositorysTopWithEncodedURIs() throws {
        let paths = ["accounts/Wind Farm 100%.md", "accounts/华南置地.md", "accounts/a#b?c.md"]
        let diagnostics = paths.map {
            Diagnostic(path: $0, line: 1, column: 1, severity: .error, rule: .idMismatch, message: "m", hint: nil)
        }
        let report = LintReport(asOf: Self.asOf, diagnostics: diagnostics, files: 3,
                                repository: RepositoryLocation(prefix: "mono/plans", root: "/work/my repo"))
        let github = GitHubReporter.render(report)
        #expect(github.hasPrefix("::error file=mono/plans/accounts/Wind Farm 100%25.md,line=1"), "\(github)")
        #expect(github.contains("file=mono/plans/accounts/华南置地.md,"))

        let rendered = SARIFReporter.render(report, rules: RuleRegistry.descriptions)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///work/my%20repo/")
        let uris = try #require(run["results"] as? [[String: Any]]).compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        #expect(uris == ["mono/plans/accounts/Wind%20Farm%20100%25.md",
                         "mono/plans/accounts/%E5%8D%8E%E5%8D%97%E7%BD%AE%E5%9C%B0.md",
                         "mono/plans/accounts/a%23b%3Fc.md"])
        // RFC 3986 uri-reference: only unreserved characters, '/' and %XX; each reads back as the path.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%")
        for (uri, path) in zip(uris, paths) {
            #expect(uri.allSatisfy { allowed.contains($0) }, "\(uri)")
            #expect(uri.removingPercentEncoding == "mono/plans/" + path)
            #expect(URL(string: uri) != nil)
        }
    }

    @Test func sarifEmptyReportHasNoResults() throws {
        let rendered = SARIFReporter.render(LintReport(asOf: Self.asOf, diagnostics: [], files: 0), rules: RuleRegistry.descriptions)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    // MARK: rules

    @Test func rulesMarkdownNamesEveryRule() {
        let rules = RuleRegistry.descriptions
        let markdown = RulesReporter.markdown(rules)
        #expect(markdown.hasPrefix("# Lint rules"))
        for rule in rules {
            #expect(markdown.contains("| `\(rule.id)`"), "table row for \(rule.id)")
            #expect(markdown.contains("\n## \(rule.id)\n"), "section for \(rule.id)")
        }
        // Every core rule of PLAN_FORMAT.md §7 is in the registry.
        let core: [String: Severity] = [
            "front-matter": .error, "missing-field": .error, "invalid-value": .error, "unknown-field": .warning,
            "id-mismatch": .error, "duplicate-id": .error, "duplicate-key": .error, "duplicate-section": .error,
            "unknown-stage": .error, "unknown-reference": .warning, "unknown-person": .warning,
            "unknown-currency": .error, "stale-review": .warning, "overdue-action": .warning,
            "undated-action": .warning, "past-close": .warning, "no-sponsor": .warning, "target-gap": .warning,
            "config": .error,
        ]
        let defaults = Dictionary(uniqueKeysWithValues: rules.map { ($0.id.rawValue, $0.defaultSeverity) })
        for (id, severity) in core {
            #expect(defaults[id] == severity, "core rule \(id) defaults to \(severity)")
        }
    }

    @Test func rulesTextListsEveryRuleOnePerLine() {
        let rules = RuleRegistry.descriptions
        let text = RulesReporter.text(rules)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == rules.count)
        for (line, rule) in zip(lines, rules) {
            #expect(line.hasPrefix(rule.id.rawValue + " "), "\(line)")
            #expect(line.contains(" \(rule.defaultSeverity.rawValue) "))
        }
    }
}
