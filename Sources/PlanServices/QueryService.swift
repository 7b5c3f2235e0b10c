import PlanModel
import PlanWorkspace
import PlanQuery

extension QueryError: UserFacingError {}

/// `query`: the rows of an entity that pass the terms (docs/query.md).
public enum QueryService {
    /// Runs `request` over the workspace as `choice` holds it, as of `asOf`. Plans that cannot be
    /// read are said through `warn`, not left out in silence.
    public static func query(_ request: QueryRequest, workspace: String?, at choice: PlanSourceChoice, asOf: CalendarDate,
                             warn: (ServiceWarning) -> Void = { _ in }) throws -> QueryResult {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        // Every front-matter field is a query field: the entries of the standard keys are kept.
        let loaded = try UnreadableFiles.loadForCounting(opened, depth: .full, warn: warn)
        return try QueryEngine.run(request, in: loaded, asOf: asOf)
    }
}

extension QueryService {
    /// The words of the saved view `name` (`views:` in acctplan.yml, read from the version
    /// `choice` names), or an error naming the views there are.
    public static func view(_ name: String, workspace: String?, at choice: PlanSourceChoice) throws -> (saved: SavedQuery, location: String) {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        let config = try WorkspaceLoader.readConfig(from: opened.source).0
        guard let view = config.views.first(where: { $0.name == name }) else {
            let names = config.views.map(\.name)
            if names.isEmpty {
                throw QueryError("no view '\(name)': acctplan.yml has no views",
                                 hint: "save one under views:, e.g. views: {overdue: \"actions overdue:yes --by owner\"}")
            }
            throw QueryError.unknown("view", name, choices: names)
        }
        let location = "acctplan.yml:\(view.location.line)"
        do {
            return (try SavedQuery(line: view.query), location)
        } catch let error as QueryError {
            throw QueryError("view '\(name)' (\(location)): " + error.message, hint: error.hint)
        }
    }
}
