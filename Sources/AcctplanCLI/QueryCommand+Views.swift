import ArgumentParser
import PlanQuery
import PlanServices

extension QueryCommand {
    /// `acctplan query @name [TERM...] [OPTIONS]`: the saved view's request, with the command
    /// line's terms added and its options in place of the view's.
    func request() throws -> (QueryRequest, FormatChoice<QueryFormatList>) {
        func list(_ text: String) -> [String] { text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        let given = QueryRequest(entity: entity, terms: terms, columns: columns.map(list), sort: sort, sums: sum.flatMap(list),
                                 by: by, limit: limit)
        guard entity.hasPrefix("@") else { return (given, format ?? .first) }
        let name = String(entity.dropFirst())
        let view = try QueryService.view(name, workspace: workspaceOptions.workspace, at: sourceOptions.choice)
        var merged = view.saved.request
        merged.terms += given.terms
        merged.columns = given.columns ?? merged.columns
        merged.sort = given.sort ?? merged.sort
        merged.sums = given.sums.isEmpty ? merged.sums : given.sums
        merged.by = given.by ?? merged.by
        merged.limit = given.limit ?? merged.limit
        if let format { return (merged, format) }
        guard let written = view.saved.format else { return (merged, .first) }
        guard let saved = FormatChoice<QueryFormatList>(argument: written) else {
            throw QueryError("view '\(name)' (\(view.location)): unknown format '\(written)'",
                             hint: "formats: " + FormatChoice<QueryFormatList>.allValueStrings.joined(separator: ", "))
        }
        return (merged, saved)
    }
}
