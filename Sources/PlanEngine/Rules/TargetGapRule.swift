import Foundation
import PlanModel

/// An industry or segment revenue target above the sum of its members' revenue targets.
public struct TargetGapRule: LintRule {
    public init() {}
    static let member = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nrevenue_target: 30M\n---\n"
    public let description = RuleDescription(
        id: .targetGap,
        summary: "An industry's or segment's `targets.revenue` is above the sum of its member accounts' `revenue_target`",
        rationale: "The industry target is delivered account by account; a gap is revenue that no account plan has signed up for. Not checked while any account plan cannot be read (e.g. it has merge conflicts): its target is unknown.",
        defaultSeverity: .warning, traits: [.crossPlan],
        valid: [
            RuleExample("---\nname: Tobacco\nowner: li-you\ntargets:\n  revenue: 30M\n---\n", path: "industries/tobacco.md",
                        files: ["accounts/acme.md": TargetGapRule.member]),
        ],
        invalid: [
            RuleExample("---\nname: Tobacco\nowner: li-you\ntargets:\n  revenue: ↓CNY 50M\n---\n", path: "industries/tobacco.md",
                        files: ["accounts/acme.md": TargetGapRule.member]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        // An account plan that could not be read (a merge conflict, a broken header) has an
        // unknown target and unknown groups: every sum would be short, and every gap false. Its
        // own error is what to fix first.
        let plans = context.workspace.plans
        // Index loops, not closures over the plans: an editor asks this after every edit, and a
        // closure would copy each of 10,000 plans.
        for index in plans.indices where plans[index].kind == .account && !plans[index].isReadable { return [] }
        let config = context.config
        // The groups to judge: every industry and segment plan, or those in focus.
        var judged: [Int] = []
        for index in plans.indices where plans[index].kind != .account && plans[index].isReadable && context.judges(plans[index].path) {
            judged.append(index)
        }
        guard !judged.isEmpty else { return [] }
        let wanted = context.focus == nil ? nil : Set(judged.map { plans[$0].id })
        var industryTotals: [String: Decimal] = [:]
        var segmentTotals: [String: Decimal] = [:]
        for index in plans.indices where plans[index].kind == .account && plans[index].isReadable {
            if let wanted, !(plans[index].header.industry.map { wanted.contains($0.value) } ?? false),
               !plans[index].header.segments.contains(where: { wanted.contains($0.value) }) { continue }
            let header = plans[index].header
            let industry = header.industry?.value
            let segments = Set(header.segments.map(\.value))
            let target = header.revenueTarget.flatMap { config.convert($0.value) } ?? 0
            if let industry { industryTotals[industry, default: 0] += target }
            for segment in segments { segmentTotals[segment, default: 0] += target }
        }
        var findings: [Finding] = []
        for plan in judged.map({ plans[$0] }) {
            guard let revenue = plan.header.targets?.revenue, let target = config.convert(revenue.value) else { continue }
            let planned = (plan.kind == .industry ? industryTotals : segmentTotals)[plan.id] ?? 0
            guard target > planned else { continue }
            let gap = target - planned
            findings.append(context.finding(
                .targetGap, plan, at: revenue.location,
                "revenue target \(target.plainString) \(config.currency) is \(gap.plainString) above the members' planned \(planned.plainString)",
                hint: "raise member accounts' revenue_target or lower the \(plan.kind.rawValue) target"))
        }
        return findings
    }
}
