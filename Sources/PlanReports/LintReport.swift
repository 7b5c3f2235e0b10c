import PlanModel

/// The result of `acctplan lint`, ready for any reporter.
public struct LintReport: Sendable {
    public var asOf: CalendarDate
    public var diagnostics: [Diagnostic]
    /// Plan files in the report's scope.
    public var files: Int
    /// Where the workspace is in its git repository, for outputs that name files relative to the
    /// repository (GitHub annotations, SARIF); nil outside a repository.
    public var repository: RepositoryLocation?
    /// The workspace's `language:` (nil when acctplan.yml sets none): the front end's choice of
    /// the language of the text it prints, unless `--lang` overrides it.
    public var language: UILanguage?
    /// Paths given on the command line (as given) under which there is no plan: nothing in
    /// them was checked, which the front end says.
    public var pathsWithoutPlans: [String] = []

    public init(asOf: CalendarDate, diagnostics: [Diagnostic], files: Int, repository: RepositoryLocation? = nil) {
        self.asOf = asOf
        self.diagnostics = diagnostics
        self.files = files
        self.repository = repository
    }

    /// A diagnostic's path relative to the repository's top (the workspace-relative path when
    /// the workspace is the repository, or outside one).
    public func repositoryPath(_ path: String) -> String {
        guard let prefix = repository?.prefix, !prefix.isEmpty else { return path }
        return prefix + "/" + path
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// A workspace's place in a git repository.
public struct RepositoryLocation: Sendable, Hashable {
    /// The workspace's folder relative to the repository's top ("" when it is the top).
    public var prefix: String
    /// The absolute path of the repository's working tree, when there is one (not for a bare
    /// repository).
    public var root: String?

    public init(prefix: String, root: String?) {
        self.prefix = prefix
        self.root = root
    }
}
