import PlanModel

/// What a rule sees: the whole workspace (cross-plan rules always see all of it, whatever the
/// report is narrowed to) and the as-of date.
public struct LintContext: Sendable {
    public let workspace: Workspace
    public let asOf: CalendarDate
    /// The paths whose findings are wanted; nil for every plan. Cross-plan rules read every plan
    /// but need only judge these (``Linter/lint(_:asOf:only:)``).
    public let focus: Set<String>?
    /// Health scores as of `asOf` by plan path that the caller computed already (the report);
    /// a rule computes any other itself (``score(_:)``).
    public let scores: [String: ScoreAndBand]

    public init(workspace: Workspace, asOf: CalendarDate, focus: Set<String>? = nil, scores: [String: ScoreAndBand] = [:]) {
        self.workspace = workspace
        self.asOf = asOf
        self.focus = focus
        self.scores = scores
    }

    /// The plan's health score and band as of the as-of date.
    public func score(_ plan: Plan) -> ScoreAndBand {
        scores[plan.path] ?? HealthScore.scoreAndBand(plan, config: config, asOf: asOf)
    }

    /// Calls `body` with every plan (only the readable ones, and only of `kind`, when asked)
    /// without copying it: a `for` loop or a `map` over the plans copies each one (twenty-odd
    /// references retained, then released), which cost ~4 % of lint's CPU on 10,000 plans. The
    /// plan is lent (`borrowing`): an owned parameter was still copied out of the buffer for every
    /// rule (a fifth of the rules' time).
    public func forEachPlan(_ kind: PlanKind? = nil, readable: Bool = false, _ body: (borrowing Plan) -> Void) {
        workspace.plans.withUnsafeBufferPointer { plans in
            for index in plans.indices {
                if let kind, plans[index].kind != kind { continue }
                if readable, !plans[index].isReadable { continue }
                body(plans[index])
            }
        }
    }

    /// Whether findings on `path` are wanted.
    public func judges(_ path: String) -> Bool { focus?.contains(path) ?? true }

    public var config: WorkspaceConfig { workspace.config }

    public func finding(_ rule: RuleID, _ plan: Plan, at location: SourceLocation, _ message: String,
                        hint: String? = nil) -> Finding {
        Finding(rule, path: plan.path, at: location, message, hint: hint)
    }
}
