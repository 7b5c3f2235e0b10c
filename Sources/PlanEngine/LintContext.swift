import PlanModel

/// What a rule sees: the whole workspace (cross-plan rules always see all of it, whatever the
/// report is narrowed to) and the as-of date.
public struct LintContext: Sendable {
    public let workspace: Workspace
    public let asOf: CalendarDate

    public init(workspace: Workspace, asOf: CalendarDate) {
        self.workspace = workspace
        self.asOf = asOf
    }

    public var config: WorkspaceConfig { workspace.config }

    /// Readable plans of one kind.
    public func plans(_ kind: PlanKind) -> [Plan] { workspace.plans.filter { $0.kind == kind && $0.isReadable } }

    public func finding(_ rule: RuleID, _ plan: Plan, at location: SourceLocation, _ message: String,
                        hint: String? = nil) -> Finding {
        Finding(rule, path: plan.path, at: location, message, hint: hint)
    }
}
