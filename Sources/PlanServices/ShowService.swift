import PlanModel
import PlanWorkspace

/// `show`: one plan as acctplan reads it.
public enum ShowService {
    /// The plan found, with what the command says about it besides.
    public struct Found {
        public let plan: Plan
        public let workspace: Workspace
        /// Other kinds with a plan of the same id (when no kind was asked for).
        public let otherKinds: [PlanKind]
        /// How many findings (lint problems of reading) the plan has.
        public var problems: Int { workspace.findings.filter { $0.path == plan.path }.count }

        /// Throws when the configuration or the plan cannot be read (merge conflicts, not a plan).
        public func requireReadable() throws {
            try UnreadableFiles.requireReadableConfig(workspace)
            try UnreadableFiles.requireReadable(plan, in: workspace)
        }
    }

    /// The plan `id` (of `kind`, when given) in the workspace as `choice` holds it.
    public static func find(_ id: String, kind: PlanKind?, workspace: String?, at choice: PlanSourceChoice) throws -> Found {
        let loaded = try OpenedWorkspace.open(workspace: workspace, at: choice).load()
        let matches = loaded.plans.filter { $0.id == id && (kind == nil || $0.kind == kind) }
        guard let plan = matches.first else {
            let ids = loaded.plans.filter { kind == nil || $0.kind == kind }.map(\.id)
            let suggestion = ValueSyntax.suggestion(for: id, in: ids)
            throw ToolFailure("no \(kind?.rawValue ?? "") plan '\(id)' in the workspace".replacingOccurrences(of: "no  ", with: "no ")
                + ValueSyntax.didYouMean(suggestion))
        }
        return Found(plan: plan, workspace: loaded, otherKinds: kind == nil ? matches.dropFirst().map(\.kind) : [])
    }
}
