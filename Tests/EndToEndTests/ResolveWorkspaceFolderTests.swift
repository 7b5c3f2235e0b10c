import Foundation
import Testing

/// `acctplan resolve` in a repository whose workspace is a sub-folder: only the workspace's
/// plans are merged in plan terms, and all of them are staged together.
struct ResolveWorkspaceFolderTests {
    @Test func onlyPlansOfTheWorkspaceAreResolvedAndTheyAreStagedTogether() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = sandbox.temp.path("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try sandbox.gitOK(["init", "-q", "-b", "main"], in: repo)
        let created = try sandbox.acctplan(["init", "plans"], in: repo)
        try #require(created.status == 0, "\(created)")
        // A Markdown file in a folder named accounts/ outside the workspace: not a plan.
        let memo = "notes/accounts/memo.md"
        try GitFixture.write("---\nkind: account\n---\n\n## Notes\n\nfirst\n", to: memo, in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-qm", "memo"], in: repo)
        let tobacco = "plans/accounts/east/shanghai-tobacco.md"
        let power = "plans/accounts/huaxia-power.md"
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try #require(GitFixture.read(path, in: repo))
            #expect(text.contains(old), "\(old) in \(path)")
            try GitFixture.write(text.replacingOccurrences(of: old, with: new), to: path, in: repo)
        }
        try sandbox.gitOK(["checkout", "-q", "-b", "theirs"], in: repo)
        try edit(tobacco, "| CNY 5.2M  |", "| CNY 5.8M  |")
        try edit(power, "reviewed: ", "reviewed_note: theirs\nreviewed: ")
        try edit(memo, "first", "theirs")
        try sandbox.gitOK(["commit", "-qam", "theirs"], in: repo)
        try sandbox.gitOK(["checkout", "-q", "main"], in: repo)
        try edit(tobacco, "| 3,500,000 |", "| 3,600,000 |") // the row above: git conflicts
        try edit(power, "reviewed: ", "ours_note: ours\nreviewed: ")
        try edit(memo, "first", "ours")
        try sandbox.gitOK(["commit", "-qam", "ours"], in: repo)
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: repo)
        #expect(merge.status != 0, "git conflicts without the driver: \(merge)")
        let unmergedBefore = try sandbox.gitOK(["diff", "--name-only", "--diff-filter=U"], in: repo)
        #expect(unmergedBefore.contains(memo), "\(unmergedBefore)")

        let resolve = try sandbox.acctplan(["resolve"], in: repo.appendingPathComponent("plans"))
        #expect(resolve.stdout.contains("skipped     \(memo): not a plan; resolve it with git"), "\(resolve)")
        // The memo keeps git's own conflict, untouched by acctplan.
        #expect(try #require(GitFixture.read(memo, in: repo)).contains("<<<<<<< HEAD"))
        let unmerged = try sandbox.gitOK(["diff", "--name-only", "--diff-filter=U"], in: repo)
        #expect(unmerged.split(separator: "\n").map(String.init) == [memo], "only the memo is left: \(unmerged)")
        let plan = try #require(GitFixture.read(tobacco, in: repo))
        #expect(plan.contains("| CNY 5.8M  |") && plan.contains("| 3,600,000 |") && !plan.contains("<<<<<<<"))
        let merged = try #require(GitFixture.read(power, in: repo))
        #expect(merged.contains("ours_note: ours") && merged.contains("reviewed_note: theirs") && !merged.contains("<<<<<<<"))
    }
}

/// `--workspace` names the folder that holds acctplan.yml. A folder without it was read as an
/// empty workspace: "0 files checked, no problems", exit 0, so a wrong `--workspace` (the
/// repository's top instead of its `plans/` folder, a misspelling) switched the lint gate off.
struct WorkspaceOptionTests {
    @Test func aFolderWithoutAcctplanYmlIsNoWorkspace() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = sandbox.temp.path("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try sandbox.gitOK(["init", "-q", "-b", "main"], in: repo)
        try #require(try sandbox.acctplan(["init", "plans"], in: repo).status == 0)
        let plan = "plans/accounts/northwest-wind.md"
        let text = try #require(GitFixture.read(plan, in: repo))
        try GitFixture.write(text.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl"), to: plan, in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        for args in [["lint"], ["lint", "--staged"], ["lint", "--rev", "HEAD"], ["rollup"], ["fmt", "--check"]] {
            let run = try sandbox.acctplan(args + ["--workspace", "."], in: repo)
            #expect(run.status == 2, "\(args): \(run)")
            #expect(run.stderr.contains("--workspace '.' is not an acctplan workspace: it holds no acctplan.yml"), "\(args): \(run)")
            #expect(!run.stdout.contains("no problems"), "\(args): \(run)")
        }
        // A folder that is not there, with --rev: said as such (it was "not in a git repository").
        let missing = try sandbox.acctplan(["lint", "--rev", "HEAD", "--workspace", "plan"], in: repo)
        #expect(missing.status == 2 && missing.stderr.contains("'plan' is not a directory"), "\(missing)")
        // The right folder: the error is found.
        let right = try sandbox.acctplan(["lint", "--staged", "--workspace", "plans"], in: repo)
        #expect(right.status == 1 && right.stdout.contains("[unknown-stage]"), "\(right)")
    }
}
