import PlanModel
import PlanQuery

extension QueryError: UserFacingError {}

/// `query`: the rows of an entity that pass the terms (docs/query.md).
public enum QueryService {
    /// Runs `request` over the workspace as `choice` holds it, as of `asOf`. Plans that cannot be
    /// read are said through `warn`, not left out in silence.
    public static func query(_ request: QueryRequest, workspace: String?, at choice: PlanSourceChoice, asOf: CalendarDate,
                             warn: (ServiceWarning) -> Void = { _ in }) throws -> QueryResult {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        let loaded = try UnreadableFiles.loadForCounting(opened, warn: warn)
        return try QueryEngine.run(request, in: loaded, asOf: asOf)
    }
}
