import PlanModel
import PlanParser

/// What a reading command (show, rollup, report) says about files it could not read: a
/// conflicted `acctplan.yml` stops it (every number would use default settings), an unreadable
/// plan is named instead of being left out in silence.
public enum UnreadableFiles {
    /// `opened` loaded for counting (rollup, report): refused while acctplan.yml has merge
    /// conflicts, the plans that cannot be counted said through `warn`, and kept until the
    /// process exits (freeing 10,000 plans would cost more than the exit).
    public static func loadForCounting(_ opened: OpenedWorkspace, depth: PlanParser.Depth = .counting, digests: Bool = false,
                                       warn: (ServiceWarning) -> Void) throws -> Workspace {
        let loaded = try opened.load(depth: depth, digests: digests)
        try requireReadableConfig(loaded)
        uncounted(loaded).map(warn)
        ProcessLifetime.keepUntilExit(loaded)
        return loaded
    }

    /// Throws when `acctplan.yml` has unresolved merge conflicts or cannot be read at all.
    public static func requireReadableConfig(_ workspace: Workspace) throws {
        if workspace.config.isUnreadable, !workspace.config.hasMergeConflicts {
            let first = workspace.findings.first { $0.path == "acctplan.yml" }
            throw ToolFailure("acctplan.yml cannot be read (line \(first?.location.line ?? 1): \(first?.message ?? "")); fix it first "
                + "(nothing is computed with default settings); 'acctplan lint' shows where")
        }
        guard workspace.config.hasMergeConflicts else { return }
        let lines = workspace.findings.filter { $0.path == "acctplan.yml" && $0.rule == .mergeConflict }.map(\.location.line)
        throw ToolFailure("acctplan.yml has unresolved merge conflicts\(lineList(lines)); resolve them first "
            + "(nothing is computed with default settings); 'acctplan lint' shows where")
    }

    /// Why an `acctplan.yml` cannot be used (it has merge conflicts or cannot be read at all), in
    /// words a history command puts after the revision it read: "acctplan.yml cannot be read
    /// (line 3: …)", "acctplan.yml has unresolved merge conflicts (line 4)".
    public struct ConfigProblem: Sendable, Equatable {
        public var description: String
    }

    /// Why the `acctplan.yml` read as `config` (with its `findings`) cannot be used; nil when it
    /// can: then every number may be computed with it.
    public static func configProblem(_ config: WorkspaceConfig, findings: [Finding]) -> ConfigProblem? {
        guard !config.isReadable else { return nil }
        let own = findings.filter { $0.path == ConfigParser.path }
        if config.hasMergeConflicts {
            let lines = own.filter { $0.rule == .mergeConflict }.map(\.location.line)
            return ConfigProblem(description: "acctplan.yml has unresolved merge conflicts\(lineList(lines))")
        }
        let first = own.first
        return ConfigProblem(description: "acctplan.yml cannot be read (line \(first?.location.line ?? 1): \(first?.message ?? ""))")
    }

    /// Throws when `plan` cannot be read; says why.
    public static func requireReadable(_ plan: Plan, in workspace: Workspace) throws {
        guard !plan.isReadable else { return }
        if plan.hasMergeConflicts {
            throw ToolFailure("\(plan.path) has unresolved merge conflicts\(lineList(plan.mergeConflictLines)); resolve them first: "
                + "keep the lines you want and delete the marker lines ('acctplan lint \(plan.path)' shows where)")
        }
        let reason = workspace.findings.first { $0.path == plan.path }.map { ": \($0.message)" } ?? ""
        throw ToolFailure("\(plan.path) cannot be read as a plan\(reason); run 'acctplan lint \(plan.path)'")
    }

    /// The warning about account plans that are not counted because they cannot be read.
    public static func uncounted(_ workspace: Workspace) -> ServiceWarning? {
        let unreadable = workspace.plans.filter { $0.kind == .account && !$0.isReadable }
        guard !unreadable.isEmpty else { return nil }
        let named = unreadable.map { "\($0.path) (\($0.hasMergeConflicts ? "unresolved merge conflict" : "cannot be read"))" }
        return ServiceWarning("\(unreadable.count) account plan\(unreadable.count == 1 ? " is" : "s are") "
            + "not counted: \(ValueSyntax.shortList(named, limit: 5)); 'acctplan lint' shows why")
    }

    private static func lineList(_ lines: [Int]) -> String {
        guard !lines.isEmpty else { return " (in the git index)" }
        return " (line\(lines.count == 1 ? "" : "s") \(lines.map(String.init).joined(separator: ", ")))"
    }
}
