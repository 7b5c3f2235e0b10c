/// Why a workspace could not be read at all (as opposed to a problem in a file, which is a finding).
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    case notFound(searchedFrom: String)
    /// No workspace, and the search started in (or passed through) this bare repository.
    case bareRepository(String)
    case notADirectory(String)
    /// `--workspace DIR` names a folder without `acctplan.yml`.
    case notAWorkspace(String)
    case outsideWorkspace(String)
    case unreadable(String, String)
    case alreadyExists(String)
    case unwritable(String, String)
    case changedMeanwhile(String)

    public var description: String {
        switch self {
        case .notFound(let start):
            return "no acctplan workspace found in \(start) or any folder above it (no acctplan.yml); "
                + "run 'acctplan init' to create one, or pass --workspace DIR"
        case .bareRepository(let path):
            return "\(path) is a bare git repository: it has no working tree; "
                + "read the plans of a revision with --rev HEAD (or --rev BRANCH), or work in a clone to edit them"
        case .notADirectory(let path):
            return "'\(path)' is not a directory"
        case .notAWorkspace(let path):
            return "--workspace '\(path)' is not an acctplan workspace: it holds no acctplan.yml; "
                + "give the folder that holds acctplan.yml, or run 'acctplan init \(path)' to create one"
        case .outsideWorkspace(let path):
            return "'\(path)' is outside the workspace"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .unwritable(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .changedMeanwhile(let path):
            return "'\(path)' changed while acctplan was working on it; left as it is now (run the command again)"
        case .alreadyExists(let path):
            return "'\(path)' already exists; acctplan never overwrites a plan"
        }
    }
}
