import PlanModel

/// The account ids a command was given (`score ID...`, `whitespace ID...`): checked against the
/// workspace's account plans, so that a typo stops with the closest id instead of printing nothing.
enum AccountSelection {
    /// nil (every account) for no ids; throws for an id that names no account plan.
    static func check(_ ids: [String], in workspace: Workspace) throws -> Set<String>? {
        guard !ids.isEmpty else { return nil }
        let known = Set(workspace.plans(.account).map(\.id))
        for id in ids where !known.contains(id) {
            let suggestion = ValueSyntax.suggestion(for: id, in: Array(known).sorted())
            // The example is an id as it should be written (a file named `Wind Farm.md` is a plan
            // too, with a lint error, but no example of an id).
            let example = known.sorted().first(where: ValueSyntax.isValidID) ?? "acme"
            throw ToolFailure("no account plan '\(id)'" + ValueSyntax.didYouMean(suggestion),
                              hint: "name accounts by id: the file name without .md, e.g. \(example)")
        }
        return Set(ids)
    }
}
