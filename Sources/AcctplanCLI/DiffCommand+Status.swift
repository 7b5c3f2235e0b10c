import PlanGit
import PlanParser
import PlanModel
import PlanEngine

extension DiffCommand {
    /// Plans a comparison with the index or the working tree cannot show, said on stderr: plans
    /// the index holds as unresolved conflicts (a tree comparison skips them) and, when the working
    /// tree is compared, new plans git does not track yet. Without this, `acctplan diff` prints
    /// nothing in the middle of a conflicted merge or right after `acctplan new`.
    static func reportUnshownPlans(_ versions: PlanVersions, comparingWorkingTree: Bool, scopes: [String]) throws {
        // Only the workspace's own files: a status of a whole monorepository would cost more.
        let looked = (PlanKind.allCases.map(\.folder) + [ConfigParser.path]).map(versions.repositoryPath)
        let status = try versions.repository.statusPaths(looked, untracked: comparingWorkingTree)
        func plans(_ paths: [String]) -> [String] {
            paths.compactMap(versions.workspacePath).filter { path in
                // acctplan.yml in conflict is named whatever the paths: every plan is read with it.
                path == ConfigParser.path
                    || PlanVersions.planIdentity(path) != nil && (scopes.isEmpty || scopes.contains { Linter.covers($0, path) })
            }
        }
        func list(_ paths: [String]) -> String { ValueSyntax.shortList(paths, limit: 10) }
        let unmerged = plans(status.unmerged)
        if !unmerged.isEmpty {
            let one = unmerged.count == 1
            Terminal.standardError("acctplan: unmerged: \(list(unmerged)) \(one ? "has" : "have") unresolved merge conflicts "
                + "and \(one ? "is" : "are") not compared; resolve \(one ? "it" : "them") ('acctplan lint' shows where), then 'git add'\n")
        }
        let untracked = plans(status.untracked).filter { $0 != ConfigParser.path }
        if !untracked.isEmpty {
            let one = untracked.count == 1
            Terminal.standardError("acctplan: note: \(list(untracked)) \(one ? "is a new plan" : "are new plans") git does not track yet; "
                + "'git add' \(one ? "it" : "them") and 'acctplan diff --staged' shows \(one ? "it" : "them")\n")
        }
    }
}
