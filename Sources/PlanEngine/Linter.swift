import Dispatch
import Foundation
import PlanModel
import PlanSupport

/// Runs every rule over a workspace and decides each finding's severity from the configuration
/// (`rules:`) and the file's `acctplan-disable` comments.
public enum Linter {
    /// Every diagnostic of the workspace, sorted by path, line, column and rule.
    /// `scores`: health scores as of `asOf` by plan path, when the caller has them (the report).
    public static func lint(_ workspace: Workspace, asOf: CalendarDate, scores: [String: ScoreAndBand] = [:]) -> [Diagnostic] {
        if workspace.config.hasMergeConflicts {
            // Every plan would be judged against default settings: report only the conflicts.
            return workspace.findings.filter { $0.rule == .mergeConflict }.map { Diagnostic($0, severity: .error) }.sorted()
        }
        if workspace.config.isUnreadable {
            // The same for an acctplan.yml that cannot be read: its error, and any conflicts
            // (a second trial saw fine plans get `unknown-currency` and `unknown-field` errors).
            return workspace.findings.filter { $0.path == "acctplan.yml" || $0.rule == .mergeConflict }
                .map { Diagnostic($0, severity: .error) }.sorted()
        }
        let context = LintContext(workspace: workspace, asOf: asOf, scores: scores)
        // Rules are pure and independent: run them on all cores, then merge in registry order.
        let rules = RuleRegistry.all
        var findings = workspace.findings
        for ruleFindings in concurrentMap(rules.count, { rules[$0].check(context) }) { findings += ruleFindings }
        return diagnostics(findings, workspace)
    }

    /// The diagnostics of the files at `paths` only, as ``lint(_:asOf:)`` narrowed to them
    /// would give, without judging the other plans one by one: rules that look at one plan at a
    /// time run on these plans, rules with the ``RuleDescription/Trait/crossPlan`` trait on the
    /// whole workspace. What an editor needs after an edit of one plan.
    public static func lint(_ workspace: Workspace, asOf: CalendarDate, only paths: Set<String>) -> [Diagnostic] {
        if workspace.config.hasMergeConflicts || workspace.config.isUnreadable {
            return lint(workspace, asOf: asOf).filter { paths.contains($0.path) }
        }
        var some = workspace
        some.plans = []
        for index in workspace.plans.indices where paths.contains(workspace.plans[index].path) { some.plans.append(workspace.plans[index]) }
        some.findings = workspace.findings.filter { paths.contains($0.path) }
        let whole = LintContext(workspace: workspace, asOf: asOf, focus: paths), part = LintContext(workspace: some, asOf: asOf)
        var findings = some.findings
        for rule in RuleRegistry.all {
            let crossPlan = rule.description.traits.contains(.crossPlan)
            findings += rule.check(crossPlan ? whole : part).filter { paths.contains($0.path) }
        }
        return diagnostics(findings, some)
    }

    /// Each finding's severity, from the configuration and the files' `acctplan-disable`
    /// comments (of `workspace`'s plans); sorted.
    private static func diagnostics(_ findings: [Finding], _ workspace: Workspace) -> [Diagnostic] {
        var disabled: [String: Set<RuleID>] = [:]
        for plan in workspace.plans where !plan.disabledRules.isEmpty {
            disabled[plan.path] = plan.disabledRules
        }
        let defaults = RuleRegistry.defaultSeverities
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(findings.count)
        for finding in findings {
            if RuleRegistry.alwaysErrors.contains(finding.rule) {
                diagnostics.append(Diagnostic(finding, severity: .error))
                continue
            }
            if let off = disabled[finding.path], off.contains(finding.rule) || off.contains(.all) { continue }
            let severity: Severity?
            if let setting = workspace.config.ruleSeverities[finding.rule] {
                severity = setting.severity
            } else {
                severity = defaults[finding.rule] ?? .error
            }
            guard let severity else { continue }
            diagnostics.append(Diagnostic(finding, severity: severity))
        }
        diagnostics.sort()
        return diagnostics
    }

    /// Keeps the diagnostics of files at or below one of `paths` (workspace-relative);
    /// `acctplan.yml` problems are kept whenever its path is given, and its merge conflicts
    /// always: while it has them no plan is checked, so a narrowed lint must not pass. The same
    /// for every problem of an acctplan.yml that cannot be read (`configUnreadable`; a review
    /// found `lint accounts` passing with it).
    public static func narrow(_ diagnostics: [Diagnostic], to paths: [String], configUnreadable: Bool = false) -> [Diagnostic] {
        guard !paths.isEmpty else { return diagnostics }
        return diagnostics.filter { diagnostic in
            paths.contains { covers($0, diagnostic.path) }
                || (diagnostic.path == "acctplan.yml" && (diagnostic.rule == .mergeConflict || configUnreadable))
        }
    }

    /// Whether `scope` (a file or folder, workspace-relative; "" or "." for all) covers `path`.
    public static func covers(_ scope: String, _ path: String) -> Bool { FolderPath.covers(scope, path) }
}
