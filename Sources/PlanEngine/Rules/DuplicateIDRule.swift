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
                "accounts/east/acme.md": "↓" + RuleExample.acme,
                "accounts/west/acme.md": "↓---\nname: Acme West\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
            ]),
        ])

    /// Every plan of a shared id gets the finding, the first by path too: the author of a new
    /// plan whose path sorts first (a plan created in the editor) was never told.
    public func check(_ context: LintContext) -> [Finding] {
        let plans = context.workspace.plans
        var byKey: [String: [Int]] = [:]
        for index in plans.indices { byKey["\(plans[index].kind.rawValue)/\(plans[index].id)", default: []].append(index) }
        var findings: [Finding] = []
        // Only the plans of shared ids are copied out of the array (see `forEachPlan`), in the
        // plans' order.
        let shared = byKey.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        for sharing in shared {
            for index in sharing where context.focus?.contains(plans[index].path) ?? true {
                let plan = plans[index]
                let message: String
                if sharing[0] == index {
                    let others = sharing.dropFirst().map { plans[$0].path }.joined(separator: ", ")
                    message = "\(plan.kind.rawValue) id '\(plan.id)' is also used by \(others)"
                } else {
                    message = "\(plan.kind.rawValue) id '\(plan.id)' is already used by \(plans[sharing[0]].path)"
                }
                findings.append(context.finding(.duplicateID, plan, at: .fileStart, message,
                                                hint: "rename one of the files: ids are unique per kind, whatever the sub-folder"))
            }
        }
        return findings
    }
}
