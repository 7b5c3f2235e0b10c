import ArgumentParser
import PlanQuery
import PlanServices

extension QueryCommand {
    /// `acctplan query @name [TERM...] [OPTIONS]`: the saved view's line, with the command line's
    /// terms added and its options in place of the view's.
    func resolvingView() throws -> QueryCommand {
        guard entity.hasPrefix("@") else { return self }
        let name = String(entity.dropFirst())
        let view = try QueryService.view(name, workspace: workspaceOptions.workspace, at: sourceOptions.choice)
        let saved: QueryCommand
        do {
            saved = try QueryCommand.parse(view.words)
        } catch {
            throw QueryError("view '\(name)' (\(view.location)): " + QueryCommand.message(for: error),
                             hint: "a view is a query line: ENTITY [TERM...] [--columns|--sort|--sum|--by|--limit|--format ...]")
        }
        if saved.entity.hasPrefix("@") || saved.sourceOptions.rev != nil || saved.sourceOptions.staged
            || saved.workspaceOptions.workspace != nil || saved.asOfOption.asOf != nil {
            throw QueryError("view '\(name)' (\(view.location)) names another view or a version of the plans",
                             hint: "a view saves the question; give @view, --rev, --staged, --workspace and --as-of on the command line")
        }
        var merged = self
        merged.entity = saved.entity
        merged.terms = saved.terms + terms
        merged.columns = columns ?? saved.columns
        merged.sort = sort ?? saved.sort
        merged.sum = sum.isEmpty ? saved.sum : sum
        merged.by = by ?? saved.by
        merged.limit = limit ?? saved.limit
        merged.format = format ?? saved.format
        return merged
    }
}
