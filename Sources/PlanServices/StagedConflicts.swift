import Foundation
import PlanGit
import PlanModel
import PlanParser
import PlanWorkspace

/// `hooks check-conflicts`, what the prepare-commit-msg and pre-applypatch hooks run: the
/// merge-conflict markers in the plans and `acctplan.yml` staged for the next commit — the index
/// git commits, `GIT_INDEX_FILE` inside a hook of `git commit -a`. Only the files whose staged
/// blob differs from HEAD's are read (all of them on an unborn branch), so the check costs what
/// the commit changes, not the workspace.
public enum StagedConflicts {
    /// One `merge-conflict` error per conflict block, sorted by path and line; empty when the
    /// staged plans hold none.
    public static func findings(workspace: String?) throws -> [Diagnostic] {
        // A commit where there is no workspace (a branch from before `acctplan init`, a rebase
        // replaying such a commit, an orphan branch for web pages): nothing of acctplan's to
        // check, and never a reason to refuse the commit.
        guard (try? WorkspaceLocation.root(workspace)) != nil else { return [] }
        let opened = try OpenedWorkspace.open(workspace: workspace, at: .index)
        guard let staged = opened.source as? GitSnapshotSource else { return [] }
        let located = try WorkspaceRepository.open(workspace: workspace, purpose: "the conflict check reads git's index")
        let committed = try (try? located.repository.resolveCommit("HEAD")).map {
            try GitSnapshotSource.commit($0, label: "HEAD", prefix: located.prefix, in: located.repository)
        }
        // acctplan.yml too: with markers, no plan of the workspace can be read.
        var files: [(path: String, what: String)] = [(ConfigParser.path, ConfigParser.path)]
        for kind in PlanKind.allCases {
            files += try staged.listFiles(under: kind.folder).paths.filter(WorkspaceLoader.isPlanPath).map { ($0, "the plan") }
        }
        var found: [Diagnostic] = []
        for (path, what) in files {
            // Unmerged paths have no staged blob (git refuses to commit them anyway); links are
            // not followed here: the plan a link leads to is checked under its own path.
            guard let blob = staged.blobID(path), blob != committed?.blobID(path), let data = try staged.read(path) else { continue }
            found += MergeConflictMarkers.findings(in: data, path: path, what: what).map { Diagnostic($0, severity: .error) }
        }
        return found.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }
}
