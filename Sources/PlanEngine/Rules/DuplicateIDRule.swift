import PlanModel

/// Two plans of one kind share an id (possible through sub-folders).
public struct DuplicateIDRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .duplicateID,
        summary: "Two plans of one kind share an id (file name), e.g. in two sub-folders",
        rationale: "Accounts are referenced, diffed and rolled up by id; two plans with one id would be counted and reviewed as one.",
        defaultSeverity: .error, traits: [.crossPlan],
        valid: [
            RuleExample(files: [
                "accounts/east/acme.md": RuleExample.acme,
                "industries/acme.md": "---\nname: Acme industry\nowner: li-you\n---\n",
            ]),
        ],
        invalid: [
            RuleExample(files: [
                "accounts/east/acme.md": RuleExample.acme,
                "accounts/west/acme.md": "↓---\nname: Acme West\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
            ]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        if let focus = context.focus { return check(context, only: focus) }
        var first: [String: String] = [:]
        var findings: [Finding] = []
        context.forEachPlan { plan in
            let key = "\(plan.kind.rawValue)/\(plan.id)"
            if let original = first[key] {
                findings.append(context.finding(.duplicateID, plan, at: .fileStart,
                                                "\(plan.kind.rawValue) id '\(plan.id)' is already used by \(original)",
                                                hint: "rename one of the files: ids are unique per kind, whatever the sub-folder"))
            } else {
                first[key] = plan.path
            }
        }
        return findings
    }

    /// The same findings for the plans at `focus` only, without a key per plan of the workspace:
    /// a plan is a duplicate when an earlier plan of its kind has its id.
    private func check(_ context: LintContext, only focus: Set<String>) -> [Finding] {
        let plans = context.workspace.plans
        var findings: [Finding] = []
        for index in plans.indices where focus.contains(plans[index].path) {
            let kind = plans[index].kind, id = plans[index].id
            var first: Int?
            for earlier in 0..<index where plans[earlier].kind == kind && plans[earlier].id == id {
                first = earlier
                break
            }
            guard let original = first else { continue }
            findings.append(context.finding(.duplicateID, plans[index], at: .fileStart,
                                            "\(kind.rawValue) id '\(id)' is already used by \(plans[original].path)",
                                            hint: "rename one of the files: ids are unique per kind, whatever the sub-folder"))
        }
        return findings
    }
}
