import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanReports

/// Whole files: plans, acctplan.yml, and what is computed from them.
enum PlanTargets {
    /// The template workspace's configuration (stages, people, fx, a custom field), so that plan
    /// inputs reach the checks that need a configuration; the default one if the file is missing.
    static let templateConfig: WorkspaceConfig = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../workspace-template/acctplan.yml").standardized
        guard let data = try? Data(contentsOf: url) else {
            FileHandle.standardError.write(Data("AcctplanFuzz: \(url.path) not found; using the default configuration\n".utf8))
            return WorkspaceConfig()
        }
        return ConfigParser.parse(data).0
    }()

    static let asOf = CalendarDate(year: 2026, month: 12, day: 1)!

    /// Splits a two-part input at its first line `=====`; without one, the whole input is the second part.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: Data?, second: Data) {
        let separator = Array("\n=====\n".utf8)
        var index = 0
        while index + separator.count <= bytes.count {
            if bytes[index] == separator[0], separator.indices.allSatisfy({ bytes[index + $0] == separator[$0] }) {
                return (Data(bytes[..<(index + 1)]), Data(bytes[(index + separator.count)...]))
            }
            index += 1
        }
        return (nil, Data(bytes))
    }

    /// Every finding points into the file: line 1 up to one past the last line, column 1 or more.
    static func requireLocated(_ findings: [Finding], in data: Data, _ what: String) {
        let lines = data.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        for finding in findings {
            require(finding.location.line >= 1 && finding.location.line <= lines + 1 && finding.location.column >= 1,
                    "\(what): \(finding.rule) finding at \(finding.location) in a file of \(lines) lines: \(finding.message)")
        }
    }

    /// One plan file read as an account plan, as an industry plan, and front matter only.
    static func plan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(bytes)
        let parser = PlanParser(config: templateConfig)
        for (kind, id) in [(PlanKind.account, "shanghai-tobacco"), (.industry, "tobacco")] {
            let parsed = parser.parse(data, path: "\(kind.folder)/\(id).md", kind: kind, id: id)
            requireLocated(parsed.findings, in: data, "\(kind) plan")
        }
        let header = parser.parse(data, path: "accounts/shanghai-tobacco.md", kind: .account, id: "shanghai-tobacco",
                                  depth: .frontMatter)
        requireLocated(header.findings, in: data, "front matter only")
    }

    static func config(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(bytes)
        requireLocated(ConfigParser.parse(data).1, in: data, "acctplan.yml")
    }

    /// A workspace of one configuration and the same text as an account and an industry plan:
    /// every rule, the rollup, and every reporter of lint, show and rollup.
    static func lint(_ bytes: UnsafeBufferPointer<UInt8>) {
        let (configData, planData) = split(bytes)
        var config = templateConfig
        var findings: [Finding] = []
        if let configData { (config, findings) = ConfigParser.parse(configData) }
        let parser = PlanParser(config: config)
        let account = parser.parse(planData, path: "accounts/shanghai-tobacco.md", kind: .account, id: "shanghai-tobacco")
        let industry = parser.parse(planData, path: "industries/tobacco.md", kind: .industry, id: "tobacco")
        findings += account.findings + industry.findings
        let workspace = Workspace(config: config, plans: [account.plan, industry.plan], findings: findings,
                                  planPaths: [account.plan.path, industry.plan.path])
        let report = LintReport(asOf: asOf, diagnostics: Linter.lint(workspace, asOf: asOf), files: 2)
        _ = TextReporter.render(report)
        _ = JSONReporter.render(report)
        _ = SARIFReporter.render(report, rules: RuleRegistry.descriptions)
        _ = PlanText.render(account.plan, config: config)
        _ = PlanJSON.render(account.plan, config: config)
        let rollup = Rollup.compute(workspace, asOf: asOf)
        _ = RollupReporter.text(rollup)
        _ = RollupReporter.json(rollup, revision: nil)
        _ = RollupReporter.csv(rollup)
        _ = RollupReporter.markdown(rollup)
    }

    /// Two versions of an account plan: the diff both ways, and a readable plan against itself is no change.
    static func diff(_ bytes: UnsafeBufferPointer<UInt8>) {
        let (oldData, newData) = split(bytes)
        let parser = PlanParser(config: templateConfig)
        let path = "accounts/shanghai-tobacco.md"
        // With the prose text, as `acctplan diff` parses: the prose line diff and its bounds are fuzzed too.
        let old = oldData.map { parser.parse($0, path: path, kind: .account, id: "shanghai-tobacco", depth: .withProse).plan }
        let new = parser.parse(newData, path: path, kind: .account, id: "shanghai-tobacco", depth: .withProse).plan
        let side = { (plan: Plan?) in PlanDiff.Side(plan, config: templateConfig) }
        let changes = [PlanDiff.compare(side(old), side(new)), PlanDiff.compare(side(new), side(old))].compactMap { $0 }
        // An unreadable plan is reported as such even against itself.
        require(!new.isReadable || PlanDiff.compare(side(new), side(new)) == nil, "a plan differs from itself")
        _ = DiffReporter.text(changes)
        _ = DiffReporter.json(changes, from: "old", to: "new")
        _ = DiffReporter.markdown(changes, from: "old", to: "new")
        for change in changes { _ = DiffReporter.summaryLine(change) }
    }
}
