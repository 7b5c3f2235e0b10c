/// Everything read from one workspace at one point (working tree, index or a commit):
/// the configuration, every plan, and the problems found while reading them.
public struct Workspace: Sendable {
    public var config: WorkspaceConfig
    /// Sorted by kind, then path.
    public var plans: [Plan]
    /// Problems found while reading files (parse, configuration, refused files).
    public var findings: [Finding]
    /// Every plan path that was looked at, readable or not.
    public var planPaths: [String]
    /// ``ContentDigest`` of the acctplan.yml bytes `config` was read from ("" without one), when
    /// the loader was asked for digests; nil otherwise.
    public var configDigest: String?

    public init(config: WorkspaceConfig, plans: [Plan], findings: [Finding], planPaths: [String]) {
        self.config = config
        self.plans = plans
        self.findings = findings
        self.planPaths = planPaths
    }

    /// The plans of one kind.
    public func plans(_ kind: PlanKind) -> [Plan] { plans.filter { $0.kind == kind } }

    /// The first plan of `kind` with `id`.
    public func plan(_ kind: PlanKind, id: String) -> Plan? {
        plans.first { $0.kind == kind && $0.id == id }
    }
}
