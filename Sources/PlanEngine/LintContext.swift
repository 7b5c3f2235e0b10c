import PlanModel

/// What a rule sees: the whole workspace (cross-plan rules always see all of it, whatever the
/// report is narrowed to) and the as-of date.
public struct LintContext: Sendable {
    public let workspace: Workspace
    public let asOf: CalendarDate
    /// The paths whose findings are wanted; nil for every plan. Cross-plan rules read every plan
    /// but need only judge these (``Linter/lint(_:asOf:only:)``).
    public let focus: Set<String>?

    public init(workspace: Workspace, asOf: CalendarDate, focus: Set<String>? = nil) {
        self.workspace = workspace
        self.asOf = asOf
        self.focus = focus
    }

    /// Whether findings on `path` are wanted.
    public func judges(_ path: String) -> Bool { focus?.contains(path) ?? true }

    public var config: WorkspaceConfig { workspace.config }

    /// Readable plans of one kind.
    public func plans(_ kind: PlanKind) -> [Plan] { workspace.plans.filter { $0.kind == kind && $0.isReadable } }

    public func finding(_ rule: RuleID, _ plan: Plan, at location: SourceLocation, _ message: String,
                        hint: String? = nil) -> Finding {
        Finding(rule, path: plan.path, at: location, message, hint: hint)
    }
}
