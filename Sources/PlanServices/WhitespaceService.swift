import PlanEngine
import PlanGit
import PlanModel
import PlanWorkspace

/// `whitespace`: the matrix of accounts × offerings (docs/whitespace.md), from the `Offering`
/// column of the Installed base and Opportunities tables.
public enum WhitespaceService {
    public struct Result: Sendable {
        public var map: Whitespace
        /// The commit read, for `--rev`.
        public var revision: ObjectID?
        /// The workspace's `language:` (nil when unset), for the front end's choice of language.
        public var language: UILanguage?
    }

    /// The map of the account plans named in `accounts` (ids; all of them when empty) in the
    /// workspace as `choice` holds it, grouped `by` a dimension. An id with no account plan is an
    /// error (exit 2) that suggests the closest one; unreadable plans are said through `warn`,
    /// and so is a workspace whose plans name no offering at all.
    public static func whitespace(workspace: String?, at choice: PlanSourceChoice, accounts: [String], by: Rollup.Dimension?,
                                  warn: (ServiceWarning) -> Void = { _ in }) throws -> Result {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        let loaded = try UnreadableFiles.loadForCounting(opened, warn: warn)
        let selection = try AccountSelection.check(accounts, in: loaded)
        let map = Whitespace.compute(loaded, accounts: selection, by: by)
        if map.offerings.isEmpty {
            warn(ServiceWarning(
                "no offering to map: acctplan.yml has no offerings: and no plan names one in an Offering column",
                hint: "list what you sell under offerings: in acctplan.yml, e.g. offerings: [{id: erp, name: ERP suite}], and name one in the Offering column of the Installed base and Opportunities tables"))
        }
        return Result(map: map, revision: opened.revision, language: loaded.config.language)
    }
}
