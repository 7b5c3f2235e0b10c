import Foundation
import Testing

/// The newcomer trial's data-safety defect: two clones append an action to the same plan, `git
/// pull` leaves conflict markers, and nothing may read them as plan content or let them be
/// committed. Real clones of a real bare repository.
struct MergeConflictEndToEndTests {
    /// An account whose revenue target exactly meets the industry's: skipping it would make the
    /// industry's target look uncovered (a false `target-gap`).
    static func acme(actions: [String]) -> String {
        """
        ---
        name: Acme
        industry: tobacco
        manager: li-you
        stage: departmental
        reviewed: 2026-11-01
        revenue_target: 10M
        ---
        # Acme

        ## Stakeholders

        | Name | Role |
        | --- | --- |
        | Zhou Ming | decision-maker |

        ## Actions

        """ + actions.map { "- [ ] 2026-12-15 @li-you \($0)\n" }.joined()
    }

    static let tobacco = "---\nname: Tobacco\nowner: li-you\nreviewed: 2026-11-01\ntargets:\n  revenue: 10M\n---\n# Tobacco\n"

    /// Two clones of one server; each appends an action to accounts/acme.md; B pulls A's commit.
    /// Returns clone B, in the middle of the conflicted merge.
    static func conflictedClone(_ sandbox: GitSandbox) throws -> URL {
        let origin = try sandbox.repository("origin", accounts: ["accounts/acme.md": acme(actions: ["Kick-off"])])
        try GitFixture.write(tobacco, to: "industries/tobacco.md", in: origin)
        try sandbox.gitOK(["commit", "-qam", "Tobacco target"], in: origin)
        let server = sandbox.temp.path("server.git")
        try sandbox.gitOK(["clone", "-q", "--bare", origin.path, server.path], in: sandbox.temp.url)
        let a = sandbox.temp.path("a"), b = sandbox.temp.path("b")
        try sandbox.gitOK(["clone", "-q", server.path, a.path], in: sandbox.temp.url)
        try sandbox.gitOK(["clone", "-q", server.path, b.path], in: sandbox.temp.url)
        try GitFixture.write(acme(actions: ["Kick-off", "Consolidation pilot"]), to: "accounts/acme.md", in: a)
        try sandbox.gitOK(["commit", "-qam", "A's action"], in: a)
        try sandbox.gitOK(["push", "-q"], in: a)
        try GitFixture.write(acme(actions: ["Kick-off", "Interface spec for MES"]), to: "accounts/acme.md", in: b)
        try sandbox.gitOK(["commit", "-qam", "B's action"], in: b)
        let pull = try sandbox.git(["pull", "-q", "--no-rebase"], in: b)
        #expect(pull.status != 0, "the pull conflicts: \(pull)")
        #expect(GitFixture.read("accounts/acme.md", in: b)?.contains("<<<<<<< HEAD\n") == true)
        return b
    }

    /// The line of the plan's `<<<<<<<` marker.
    static func markerLine(_ clone: URL) -> Int {
        let lines = (GitFixture.read("accounts/acme.md", in: clone) ?? "").lines
        return (lines.firstIndex { $0.hasPrefix("<<<<<<<") } ?? -1) + 1
    }

    @Test func lintShowDiffAndRollupSayThePlanHasConflicts() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let b = try Self.conflictedClone(sandbox)
        let line = Self.markerLine(b)

        let lint = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: b)
        #expect(lint.status == 1, "\(lint)")
        let diagnostics = lint.stdout.lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(diagnostics == [
            "accounts/acme.md:\(line):1: error: unresolved merge conflict (lines \(line)–\(line + 4)); the plan is not read until it is resolved [merge-conflict]",
        ], "\(lint)")

        // The index holds the conflict as stages: reported as merge-conflict, and the plan it
        // could not read raises no cross-plan warning (its 10M target is unknown, not zero).
        let staged = try sandbox.acctplan(["lint", "--staged", "--format", "json"] + GitFixture.asOf, in: b)
        #expect(staged.status == 1, "\(staged)")
        let stagedDiagnostics = try JSON.diagnostics(staged.stdout)
        #expect(stagedDiagnostics.map { "\($0.string("path") ?? "") \($0.string("rule") ?? "")" } == ["accounts/acme.md merge-conflict"],
                "\(staged)")

        let show = try sandbox.acctplan(["show", "acme"], in: b)
        #expect(show.status == 2, "\(show)")
        #expect(show.stdout.isEmpty)
        #expect(show.stderr.contains("accounts/acme.md has unresolved merge conflicts (line \(line))"), "\(show)")

        let diff = try sandbox.acctplan(["diff"], in: b)
        #expect(diff.status == 0, "\(diff)")
        #expect(diff.stderr.contains("unmerged: accounts/acme.md has unresolved merge conflicts"), "\(diff)")
        let narrowedDiff = try sandbox.acctplan(["diff", "--staged", "accounts/acme.md"], in: b)
        #expect(narrowedDiff.stderr.contains("unmerged: accounts/acme.md"), "\(narrowedDiff)")

        let rollup = try sandbox.acctplan(["rollup"] + GitFixture.asOf, in: b)
        #expect(rollup.status == 0, "\(rollup)")
        #expect(rollup.stderr.contains("1 account plan is not counted: accounts/acme.md (unresolved merge conflict)"), "\(rollup)")
    }

    @Test func markersStagedWithGitAddAreRefusedByTheHookAndByCommit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let b = try Self.conflictedClone(sandbox)
        let line = Self.markerLine(b)
        let bin = try sandbox.bin(copy: false)
        let path = bin.path + ":" + GitSandbox.inheritedPath
        let install = try sandbox.acctplan(["hooks", "install"], in: b, path: path)
        #expect(install.status == 0, "\(install)")

        // "Resolving" by adding the file as it is: the markers are now the staged content.
        try sandbox.gitOK(["add", "accounts/acme.md"], in: b)
        let staged = try sandbox.acctplan(["lint", "--staged"] + GitFixture.asOf, in: b)
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("accounts/acme.md:\(line):1: error: unresolved merge conflict"), "\(staged)")

        let head = try sandbox.head(b)
        let commit = try sandbox.git(["commit", "--no-edit"], in: b, path: path)
        #expect(commit.status != 0, "the hook refuses the markers: \(commit)")
        #expect((commit.stdout + commit.stderr).contains("merge-conflict"), "\(commit)")
        #expect(try sandbox.head(b) == head, "HEAD did not move")

        // Resolved: both actions kept, the markers gone. The merge commits and reads both actions.
        try GitFixture.write(Self.acme(actions: ["Kick-off", "Interface spec for MES", "Consolidation pilot"]),
                             to: "accounts/acme.md", in: b)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: b)
        let resolved = try sandbox.git(["commit", "-q", "--no-edit"], in: b, path: path)
        #expect(resolved.status == 0, "\(resolved)")
        let diff = try sandbox.acctplan(["diff", "HEAD^1", "HEAD"], in: b)
        #expect(diff.stdout.contains("Consolidation pilot") && !diff.stdout.contains("<<<<<<<"), "\(diff)")
    }

    /// git skips the pre-commit hook when it continues a rebase, cherry-pick or revert (it commits
    /// with `-n`), and for `git commit --no-verify`: found by a newcomer trial, where `git pull
    /// --rebase` then `git add` and `git rebase --continue` recorded the markers. The
    /// prepare-commit-msg hook, which git runs for those commits too, refuses them.
    /// The apply backend (`git rebase --apply`, `git am`; git's default rebase before 2.26) runs
    /// neither of those hooks: pre-applypatch refuses there.
    @Test(arguments: ["merge", "apply"])
    func markersAreRefusedWhereGitSkipsThePreCommitHook(backend: String) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let origin = try sandbox.repository("origin", accounts: ["accounts/acme.md": Self.acme(actions: ["Kick-off"])])
        let server = sandbox.temp.path("server.git")
        try sandbox.gitOK(["clone", "-q", "--bare", origin.path, server.path], in: sandbox.temp.url)
        let a = sandbox.temp.path("a"), b = sandbox.temp.path("b")
        try sandbox.gitOK(["clone", "-q", server.path, a.path], in: sandbox.temp.url)
        try sandbox.gitOK(["clone", "-q", server.path, b.path], in: sandbox.temp.url)
        try GitFixture.write(Self.acme(actions: ["Kick-off", "Consolidation pilot"]), to: "accounts/acme.md", in: a)
        try sandbox.gitOK(["commit", "-qam", "A's action"], in: a)
        try sandbox.gitOK(["push", "-q"], in: a)
        try GitFixture.write(Self.acme(actions: ["Kick-off", "Interface spec for MES"]), to: "accounts/acme.md", in: b)
        try sandbox.gitOK(["commit", "-qam", "B's action"], in: b)
        let pull = try sandbox.git(["-c", "rebase.backend=\(backend)", "pull", "-q", "--rebase"], in: b)
        #expect(pull.status != 0 && GitFixture.read("accounts/acme.md", in: b)?.contains("<<<<<<< ") == true, "\(pull)")
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let install = try sandbox.acctplan(["hooks", "install"], in: b, path: path)
        #expect(install.status == 0 && install.stdout.contains("prepare-commit-msg") && install.stdout.contains("pre-applypatch"), "\(install)")

        try sandbox.gitOK(["add", "accounts/acme.md"], in: b)
        let head = try sandbox.head(b)
        let refused = try sandbox.git(["rebase", "--continue"], in: b, path: path)
        #expect(refused.status != 0, "the markers are refused: \(refused)")
        #expect(refused.stderr.contains("accounts/acme.md:\(Self.markerLine(b)):1: error: unresolved merge conflict")
                && refused.stderr.contains("the commit is refused"), "\(refused)")
        #expect(try sandbox.head(b) == head, "nothing was committed")
        #expect(FileManager.default.fileExists(atPath: b.appendingPathComponent(".git/rebase-\(backend)").path), "the rebase waits")

        // Resolved: the rebase goes on, and its commit holds both actions.
        try GitFixture.write(Self.acme(actions: ["Kick-off", "Consolidation pilot", "Interface spec for MES"]), to: "accounts/acme.md", in: b)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: b)
        let continued = try sandbox.git(["rebase", "--continue"], in: b, path: path)
        #expect(continued.status == 0, "\(continued)")
        let show = try sandbox.acctplan(["show", "acme", "--rev", "HEAD"], in: b)
        #expect(show.status == 0 && show.stdout.contains("Interface spec for MES") && show.stdout.contains("Consolidation pilot"), "\(show)")

        // `git commit --no-verify` skips the lint, not the conflict check.
        try GitFixture.write(GitFixture.read("accounts/acme.md", in: b)! + "<<<<<<< ours\n- [ ] x\n=======\n- [ ] y\n>>>>>>> theirs\n",
                             to: "accounts/acme.md", in: b)
        let noVerify = try sandbox.git(["commit", "--no-verify", "-qam", "markers"], in: b, path: path)
        #expect(noVerify.status != 0 && noVerify.stderr.contains("merge-conflict"), "\(noVerify)")
        #expect(try sandbox.head(b) != head && (try sandbox.gitOK(["log", "-1", "--format=%s"], in: b)) == "B's action")
        // The documented way to record such a file anyway: no hooks at all, once.
        let forced = try sandbox.git(["-c", "core.hooksPath=/dev/null", "commit", "-qam", "markers"], in: b, path: path)
        #expect(forced.status == 0, "\(forced)")

        // acctplan.yml too; the plan's markers, already in HEAD, are not this commit's doing.
        let config = GitFixture.read("acctplan.yml", in: b) ?? ""
        try GitFixture.write("<<<<<<< ours\ncurrency: CNY\n=======\ncurrency: USD\n>>>>>>> theirs\n" + config, to: "acctplan.yml", in: b)
        let settings = try sandbox.git(["commit", "--no-verify", "-qam", "settings"], in: b, path: path)
        #expect(settings.status != 0 && settings.stderr.contains("acctplan.yml:1:1: error: unresolved merge conflict")
                && !settings.stderr.contains("accounts/acme.md"), "\(settings)")
        try sandbox.gitOK(["checkout", "-q", "--", "acctplan.yml"], in: b)

        // A commit without a workspace (an orphan branch for web pages) has nothing to check.
        try sandbox.gitOK(["checkout", "-q", "--orphan", "pages"], in: b)
        try sandbox.gitOK(["rm", "-rqf", "."], in: b)
        try GitFixture.write("<p>hi</p>\n", to: "index.html", in: b)
        try sandbox.gitOK(["add", "index.html"], in: b)
        let pages = try sandbox.git(["commit", "--no-verify", "-qm", "pages"], in: b, path: path)
        #expect(pages.status == 0, "\(pages)")
    }

    /// `hooks install --force` replaces a pre-commit hook, never a prepare-commit-msg hook of the
    /// user's (which may write a ticket number into every message): that one is only chained.
    @Test func forceNeverReplacesTheUsersPrepareCommitMessageHook() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let users = "#!/bin/sh\necho '[TICKET-1]' >> \"$1\"\n"
        let hook = repo.appendingPathComponent(".git/hooks/prepare-commit-msg")
        try Data(users.utf8).write(to: hook)
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let install = try sandbox.acctplan(["hooks", "install", "--force"], in: repo, path: path)
        #expect(install.status == 0, "\(install)")
        #expect(try String(contentsOf: hook, encoding: .utf8) == users, "left as it was")
        #expect(install.stderr.contains("prepare-commit-msg already exists and is not acctplan's")
                && install.stderr.contains("hooks check-conflicts) || exit 1")
                && !install.stderr.contains("--force replaces"), "\(install)")
        let chained = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo, path: path)
        let afterChain = try String(contentsOf: hook, encoding: .utf8)
        #expect(chained.status == 0 && afterChain.hasSuffix("echo '[TICKET-1]' >> \"$1\"\n"), "\(chained)")
        let again = try sandbox.acctplan(["hooks", "install"], in: repo, path: path)
        #expect(again.status == 0 && !again.stderr.contains("prepare-commit-msg already exists"), "\(again)")
    }

    /// `--chain` asked for the conflict check, and the user's prepare-commit-msg hook is not a
    /// shell script: the rest is set up, but the command fails (it said "warning" and exited 0,
    /// so a setup script took a missing safety check for success).
    @Test func chainThatCannotEditTheUsersPrepareCommitMessageHookFails() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let users = "#!/usr/bin/env python3\nimport sys\nopen(sys.argv[1], 'a').write('[TICKET-1]')\n"
        let hook = repo.appendingPathComponent(".git/hooks/prepare-commit-msg")
        try Data(users.utf8).write(to: hook)
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let install = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo, path: path)
        #expect(install.status == 2, "\(install)")
        #expect(install.stderr.contains("error: \(hook.path) is not a shell script, so acctplan cannot add to it; it was left as it is (the rest is set up)")
                && install.stderr.contains("hooks check-conflicts) || exit 1"), "\(install)")
        #expect(try String(contentsOf: hook, encoding: .utf8) == users, "left as it was")
        // The rest is set up: the lint hook, the other conflict hook and both drivers.
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/hooks/pre-commit").path))
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/hooks/pre-applypatch").path))
        #expect(try sandbox.git(["config", "merge.acctplan.driver"], in: repo).status == 0)
        // In Chinese as every error line (it stayed English; a review).
        let chinese = try sandbox.acctplan(["hooks", "install", "--chain", "--lang", "zh-CN"], in: repo, path: path)
        #expect(chinese.status == 2 && chinese.stderr.contains("acctplan: 错误: \(hook.path) is not a shell script，因此 acctplan 无法向其中添加内容；已保持原样（其余已设置好）"),
                "\(chinese)")
    }

    @Test func aConflictedSettingsFileStopsCheckingAndComputing() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(Fixture.config + "<<<<<<< HEAD\nreview_interval_days: 30\n=======\nreview_interval_days: 60\n>>>>>>> theirs\n",
                             to: "acctplan.yml", in: repo)
        let line = Fixture.config.lines.count
        let lint = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo)
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") } == [
            "acctplan.yml:\(line):1: error: unresolved merge conflict (lines \(line)–\(line + 4)); acctplan.yml is not read until it is resolved (and no plan is checked against default settings meanwhile) [merge-conflict]",
        ], "\(lint)")
        // A lint narrowed to one plan must not pass: no plan was checked at all.
        let narrowed = try sandbox.acctplan(["lint", "accounts/acme.md"] + GitFixture.asOf, in: repo)
        #expect(narrowed.status == 1, "\(narrowed)")
        #expect(narrowed.stdout.contains("acctplan.yml:\(line):1: error: unresolved merge conflict"), "\(narrowed)")
        let rollup = try sandbox.acctplan(["rollup"] + GitFixture.asOf, in: repo)
        #expect(rollup.status == 2, "\(rollup)")
        #expect(rollup.stderr.contains("acctplan.yml has unresolved merge conflicts (line \(line))"), "\(rollup)")
        #expect(rollup.stdout.isEmpty)
    }

    @Test func anUnmergedSettingsFileIsNamedByDiffAndLintStaged() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let origin = try sandbox.repository("origin", accounts: GitFixture.plans)
        let a = sandbox.temp.path("a"), b = sandbox.temp.path("b")
        try sandbox.gitOK(["clone", "-q", origin.path, a.path], in: sandbox.temp.url)
        try sandbox.gitOK(["clone", "-q", origin.path, b.path], in: sandbox.temp.url)
        for (clone, days) in [(a, 30), (b, 60)] {
            try GitFixture.write(Fixture.config + "review_interval_days: \(days)\n", to: "acctplan.yml", in: clone)
            try sandbox.gitOK(["commit", "-qam", "Review every \(days) days"], in: clone)
        }
        let pull = try sandbox.git(["pull", "-q", "--no-rebase", a.path, "main"], in: b)
        #expect(pull.status != 0, "the pull conflicts: \(pull)")
        let diff = try sandbox.acctplan(["diff", "accounts/acme.md"], in: b)
        #expect(diff.stderr.contains("unmerged: acctplan.yml has unresolved merge conflicts"), "\(diff)")
        let staged = try sandbox.acctplan(["lint", "--staged", "accounts/acme.md"] + GitFixture.asOf, in: b)
        #expect(staged.status == 1, "\(staged)")
        #expect(staged.stdout.lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") } == [
            "acctplan.yml:1:1: error: unresolved merge conflict: the git index holds two versions; acctplan.yml is not read until it is resolved [merge-conflict]",
        ], "\(staged)")
    }

    @Test func fmtAndCommitSayToResolveTheConflictFirst() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(GitFixture.acme("<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> x"), to: "accounts/acme.md", in: repo)
        let check = try sandbox.acctplan(["fmt", "--check"], in: repo)
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("accounts/acme.md not formatted: it has merge conflict markers"), "\(check)")
        #expect(check.stderr.contains("1 of 3 plans would be reformatted; 1 could not be checked (above); run"), "\(check)")
        #expect(!check.stderr.contains("all in canonical form"), "\(check)")

        let commit = try sandbox.acctplan(["commit", "-a", "-m", "Both"] + GitFixture.asOf, in: repo)
        #expect(commit.status == 1, "\(commit)")
        #expect(commit.stderr.contains("(resolve the merge conflicts first)") && !commit.stderr.contains("--no-verify"), "\(commit)")
        // --no-verify commits past lint errors, never past markers (a newcomer trial recorded
        // them with it, while `git commit --no-verify` refuses them).
        let head = try sandbox.head(repo)
        let forced = try sandbox.acctplan(["commit", "--no-verify", "-a", "-m", "Both"] + GitFixture.asOf, in: repo)
        #expect(forced.status == 1 && forced.stderr.contains("(resolve the merge conflicts first)"), "\(forced)")
        #expect(forced.stdout.contains("accounts/acme.md:") && forced.stdout.contains("[merge-conflict]"), "\(forced)")
        #expect(try sandbox.head(repo) == head, "nothing was committed")

        try GitFixture.write(GitFixture.acme, to: "accounts/acme.md", in: repo)
        try GitFixture.write(Fixture.config + "<<<<<<< HEAD\n=======\n>>>>>>> x\n", to: "acctplan.yml", in: repo)
        let fmt = try sandbox.acctplan(["fmt"], in: repo)
        #expect(fmt.status == 2, "\(fmt)")
        #expect(fmt.stderr.contains("acctplan.yml has unresolved merge conflicts (line \(Fixture.config.lines.count)); resolve them first"), "\(fmt)")
    }

    @Test func commitNamesThePlansAConflictingStashPopLeftUnmerged() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(GitFixture.acme("Stashed edit."), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["stash", "-q"], in: repo)
        try GitFixture.write(GitFixture.acme("Committed edit."), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Edit"], in: repo)
        let pop = try sandbox.git(["stash", "pop"], in: repo)
        #expect(pop.status != 0, "the pop conflicts: \(pop)")
        let head = try sandbox.head(repo)
        let commit = try sandbox.acctplan(["commit", "-m", "After the pop"] + GitFixture.asOf, in: repo)
        #expect(commit.status == 2, "\(commit)")
        #expect(commit.stderr.contains("the index has unresolved merge conflicts in accounts/acme.md"), "\(commit)")
        #expect(try sandbox.head(repo) == head)
    }

    @Test func aConflictedAccountIsNeitherRemovedNorNewSinceARevision() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(GitFixture.acme("<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> x"), to: "accounts/acme.md", in: repo)
        let rollup = try sandbox.acctplan(["rollup", "--since", "HEAD", "--format", "json"] + GitFixture.asOf, in: repo)
        #expect(rollup.status == 0, "\(rollup)")
        let object = try JSON.object(rollup.stdout)
        #expect(object["since"] is [String: Any])
        let transitions = try #require(object["transitions"] as? [[String: Any]])
        #expect(transitions.isEmpty, "acme is not 'removed': \(transitions)")
        let groups = try #require(object["groups"] as? [[String: Any]])
        for group in groups {
            let moved = group["moved"] as? [String: Any] ?? [:]
            #expect((moved["removed"] as? Int ?? 0) == 0 && (moved["new"] as? Int ?? 0) == 0, "\(group)")
        }
        #expect(rollup.stderr.contains("1 account plan is not counted: accounts/acme.md (unresolved merge conflict)"), "\(rollup)")
    }

    /// A history census reads only the front matter, but a past version with markers in its body
    /// is not read, as `rollup --rev` does not read it: it did not "move up" when it was resolved.
    @Test func aRevisionWithCommittedMarkersInABodyIsNotReadBySince() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let conflicted = Fixture.account(name: "Acme", stage: "industry-solution", extra: "\n<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> x\n")
        try GitFixture.write(conflicted, to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Markers committed by a tool without the hook"], in: repo)
        try GitFixture.write(Fixture.account(name: "Acme", stage: "integration"), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Resolved, and moved on"], in: repo)

        let then = try sandbox.acctplan(["rollup", "--rev", "HEAD~1", "--format", "json"] + GitFixture.asOf, in: repo)
        #expect(then.stderr.contains("1 account plan is not counted: accounts/acme.md (unresolved merge conflict)"), "\(then)")
        let rollup = try sandbox.acctplan(["rollup", "--since", "HEAD~1", "--format", "json"] + GitFixture.asOf, in: repo)
        #expect(rollup.status == 0, "\(rollup)")
        let transitions = try #require(try JSON.object(rollup.stdout)["transitions"] as? [[String: Any]])
        #expect(transitions.isEmpty, "acme was not read at HEAD~1, so it did not move: \(transitions)")
        // Since the commit before the markers, acme moved from departmental to integration.
        let before = try sandbox.acctplan(["rollup", "--since", "HEAD~2", "--format", "json"] + GitFixture.asOf, in: repo)
        let moves = try #require(try JSON.object(before.stdout)["transitions"] as? [[String: Any]])
        #expect(moves.map { "\($0["account"] ?? "") \($0["from"] ?? "") \($0["to"] ?? "")" } == ["acme departmental integration"], "\(before)")
    }

    @Test func diffOfCommittedMarkersSaysSoInsteadOfListingEverythingAsRemoved() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(GitFixture.acme("<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> x"), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Markers committed by a tool without the hook"], in: repo)
        let diff = try sandbox.acctplan(["diff", "HEAD~1", "HEAD"], in: repo)
        #expect(diff.status == 0, "\(diff)")
        #expect(diff.stdout.contains("the new version has unresolved merge conflicts; run acctplan lint"), "\(diff)")
        #expect(!diff.stdout.contains("Zhou Ming") && !diff.stdout.contains("stage"), "nothing listed as removed: \(diff)")
        let markdown = try sandbox.acctplan(["diff", "HEAD~1", "HEAD", "--format", "markdown"], in: repo)
        #expect(markdown.stdout.contains("The new version has unresolved merge conflicts; run `acctplan lint`."), "\(markdown)")
    }

    @Test func theRuleCannotBeSwitchedOffOrMadeAWarning() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let conflicted = GitFixture.acme("<!-- acctplan-disable -->\n<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> x")
        let root = try Fixture.workspace(["accounts/acme.md": conflicted], in: temp)
        try Data((Fixture.config + "rules:\n  merge-conflict: warning\n").utf8).write(to: root.appendingPathComponent("acctplan.yml"))
        let lint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.contains("accounts/acme.md:11:1: error: unresolved merge conflict"), "\(lint)")
        #expect(lint.stdout.contains("acctplan.yml:8:3: error: 'merge-conflict' is always an error; this setting is ignored [config]"),
                "\(lint)")
    }

    @Test func diffNamesANewPlanGitDoesNotTrackYet() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let new = try sandbox.acctplan(["new", "account", "xinan-tobacco", "--name", "Xinan Tobacco", "--industry", "tobacco",
                                        "--manager", "li-you"], in: repo)
        #expect(new.status == 0, "\(new)")
        let diff = try sandbox.acctplan(["diff"], in: repo)
        #expect(diff.status == 0)
        #expect(diff.stdout.isEmpty, "like git diff, the comparison itself is index → working tree")
        #expect(diff.stderr.contains("note: accounts/xinan-tobacco.md is a new plan git does not track yet"), "\(diff)")
        let narrowed = try sandbox.acctplan(["diff", "accounts/acme.md"], in: repo)
        #expect(narrowed.stderr.isEmpty, "a narrowed diff names only plans in its paths: \(narrowed)")
        try sandbox.gitOK(["add", "accounts/xinan-tobacco.md"], in: repo)
        let staged = try sandbox.acctplan(["diff", "--staged"], in: repo)
        #expect(staged.stdout.contains("xinan-tobacco"), "\(staged)")
        #expect(staged.stderr.isEmpty, "\(staged)")
    }
}
