import Foundation
import Testing

/// `--staged` and `--rev`: plans read from the index and from commits, also in a bare clone.
struct GitRevisionTests {
    @Test func lintStagedSeesTheIndexNotTheWorkingTree() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)

        // Broken in the index, fixed only in the working tree.
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: repo)
        try GitFixture.write(GitFixture.acme("Fixed, not staged."), to: "accounts/acme.md", in: repo)
        let staged = try sandbox.acctplan(["lint", "--staged"] + GitFixture.asOf, in: repo)
        #expect(staged.status == 1, "\(staged)")
        #expect(staged.stdout.contains("accounts/acme.md:5:8: error:") && staged.stdout.contains("[unknown-stage]"), "\(staged)")
        let working = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo)
        #expect(working.status == 0, "\(working)")

        // The reverse: good in the index, broken in the working tree.
        try GitFixture.write(GitFixture.acme("Fixed and staged."), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        let staged2 = try sandbox.acctplan(["lint", "--staged"] + GitFixture.asOf, in: repo)
        #expect(staged2.status == 0, "\(staged2)")
        let working2 = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo)
        #expect(working2.status == 1, "\(working2)")
        #expect(working2.stdout.contains("[unknown-stage]"), "\(working2)")

        // A plan only staged (new file, deleted from the working tree) is still seen.
        try GitFixture.write(GitFixture.brokenAcme.replacingOccurrences(of: "name: Acme", with: "name: Cobalt"),
                             to: "accounts/cobalt.md", in: repo)
        try sandbox.gitOK(["add", "accounts/cobalt.md"], in: repo)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("accounts/cobalt.md"))
        let staged3 = try sandbox.acctplan(["lint", "--staged", "accounts/cobalt.md"] + GitFixture.asOf, in: repo)
        #expect(staged3.status == 1, "\(staged3)")
        #expect(staged3.stdout.contains("accounts/cobalt.md:5:8: error:"), "\(staged3)")
    }

    @Test func lintAndShowAtARevisionSeeTheOlderContent() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-q", "-am", "Broken"], in: repo)
        try GitFixture.write(Fixture.account(name: "Acme Renamed"), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-q", "-am", "Fixed"], in: repo)
        let workingBefore = Tree.snapshot(repo, excluding: [".git"])

        let older = try sandbox.acctplan(["lint", "--rev", "HEAD~1"] + GitFixture.asOf, in: repo)
        #expect(older.status == 1, "\(older)")
        #expect(older.stdout.contains("accounts/acme.md:5:8: error:") && older.stdout.contains("[unknown-stage]"), "\(older)")
        let newest = try sandbox.acctplan(["lint", "--rev", "HEAD"] + GitFixture.asOf, in: repo)
        #expect(newest.status == 0, "\(newest)")
        let oldest = try sandbox.acctplan(["lint", "--rev", "main~2"] + GitFixture.asOf, in: repo)
        #expect(oldest.status == 0, "\(oldest)")

        let shownOld = try sandbox.acctplan(["show", "acme", "--rev", "HEAD~2", "--format", "json"], in: repo)
        #expect(shownOld.status == 0, "\(shownOld)")
        let oldPlan = try JSON.object(shownOld.stdout)["plan"] as? [String: Any]
        #expect((oldPlan?["fields"] as? [String: Any])?.string("name") == "Acme", "\(shownOld.stdout.prefix(300))")
        let shownNew = try sandbox.acctplan(["show", "acme", "--rev", "HEAD"], in: repo)
        #expect(shownNew.status == 0 && shownNew.stdout.contains("Acme Renamed"), "\(shownNew)")
        #expect(Tree.changes(workingBefore, Tree.snapshot(repo, excluding: [".git"])) == [], "nothing checked out")
    }

    @Test func anUnknownRevisionIsOneLineAndExitTwo() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        for args in [["lint", "--rev", "nope"] + GitFixture.asOf, ["show", "acme", "--rev", "nope"]] {
            let result = try sandbox.acctplan(args, in: repo)
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(result.stderr.trimmed.lines.count == 1 && result.stderr.contains("nope"), "one line: \(result)")
        }
    }

    @Test func revisionsAreReadFromABareClone() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(Fixture.account(name: "Acme Two"), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-q", "-am", "Renamed"], in: repo)
        let workingTree = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo)
        try #require(workingTree.status == 0, "\(workingTree)")
        try sandbox.gitOK(["clone", "-q", "--bare", repo.path, sandbox.temp.path("bare.git").path], in: sandbox.temp.url)
        let bare = sandbox.temp.path("bare.git")
        let before = Tree.snapshot(bare)

        let lint = try sandbox.acctplan(["lint", "--rev", "HEAD"] + GitFixture.asOf, in: bare)
        #expect(lint.status == 0, "\(lint)")
        #expect(lint.stdout.contains("3 files"), "counts the plans (two accounts, one industry): \(lint)")
        #expect(lint.stdout == workingTree.stdout, "the same report as in the working tree")
        let json = try sandbox.acctplan(["lint", "--rev", "HEAD", "--format", "json"] + GitFixture.asOf, in: bare)
        #expect(json.status == 0, "\(json)")
        #expect(((try? JSON.object(json.stdout))?["summary"] as? [String: Any])?.int("files") == 3, "\(json)")

        // From a folder inside the bare repository too.
        let inside = try sandbox.acctplan(["lint", "--rev", "HEAD~1"] + GitFixture.asOf, in: bare.appendingPathComponent("refs"))
        #expect(inside.status == 0 && inside.stdout.contains("3 files"), "\(inside)")

        let show = try sandbox.acctplan(["show", "acme", "--rev", "HEAD", "--format", "json"], in: bare)
        #expect(show.status == 0, "\(show)")
        let plan = try JSON.object(show.stdout)["plan"] as? [String: Any]
        #expect(plan?.string("id") == "acme", "\(show)")
        #expect(plan?.string("path") == "accounts/acme.md", "\(show)")
        #expect(show.stdout.contains("Acme Two"), "\(show)")
        let showOld = try sandbox.acctplan(["show", "acme", "--rev", "HEAD~1"], in: bare)
        #expect(showOld.status == 0 && !showOld.stdout.contains("Acme Two") && showOld.stdout.contains("Acme"), "\(showOld)")

        let staged = try sandbox.acctplan(["lint", "--staged"] + GitFixture.asOf, in: bare)
        #expect(staged.status == 2, "no index in a bare repository: \(staged)")
        #expect(Tree.changes(before, Tree.snapshot(bare)) == [], "reading changes nothing in the bare repository")
    }
}

// MARK: - hooks

/// `acctplan hooks install` and the real `git commit` running the hook.
struct GitHookTests {
    static let marker = "# installed by acctplan hooks install"

    static func isExecutable(_ url: URL) -> Bool {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber
        return (permissions?.intValue ?? 0) & 0o111 == 0o111
    }

    @Test func theHookStopsABrokenCommitAndLetsAGoodOneThrough() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let bin = try sandbox.bin(copy: false)
        let path = bin.path + ":" + GitSandbox.inheritedPath

        let install = try sandbox.acctplan(["hooks", "install"], in: repo, path: path)
        #expect(install.status == 0, "\(install)")
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        #expect(Self.isExecutable(hook), "an executable hook")
        let script = GitFixture.read(".git/hooks/pre-commit", in: repo) ?? ""
        #expect(script.hasPrefix("#!") && script.contains("lint --staged"), "\(script)")

        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(broken.status != 0, "\(broken)")
        #expect((broken.stdout + broken.stderr).contains("unknown-stage"), "the diagnostic is shown: \(broken)")
        #expect(try sandbox.head(repo) == base, "HEAD did not move")

        try GitFixture.write(GitFixture.acme("Fixed."), to: "accounts/acme.md", in: repo)
        let good = try sandbox.git(["commit", "-q", "-am", "Good"], in: repo, path: path)
        #expect(good.status == 0, "\(good)")
        #expect(try sandbox.gitOK(["rev-parse", "HEAD~1"], in: repo) == base)
        #expect(try sandbox.status(repo) == [])

        // A good working tree does not hide a broken index: the hook lints what is committed.
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: repo)
        try GitFixture.write(GitFixture.acme("Fixed only on disk."), to: "accounts/acme.md", in: repo)
        let head = try sandbox.head(repo)
        let staged = try sandbox.git(["commit", "-m", "Staged broken"], in: repo, path: path)
        #expect(staged.status != 0, "\(staged)")
        #expect(try sandbox.head(repo) == head)
    }

    @Test func theHookRunsAcctplanFromPathOrTheGivenBinary() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        // PATH has git and sh but no acctplan.
        let path = GitSandbox.gitExecutable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let install = try sandbox.acctplan(["hooks", "install"], in: repo, path: path)
        #expect(install.status == 0, "\(install)")
        #expect(install.stderr.contains("'acctplan' is not on PATH here"), "a warning, not a failure: \(install)")
        let script = GitFixture.read(".git/hooks/pre-commit", in: repo) ?? ""
        #expect(script.contains("\nacctplan=acctplan\n") && script.contains("exec \"$acctplan\" lint --staged")
                && !script.contains("/acctplan"), "no absolute path: \(script)")
        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        // Without acctplan on PATH the gate cannot run: the commit is stopped, and says why.
        let missing = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(missing.status != 0, "\(missing)")
        #expect(missing.stderr.contains("cannot run acctplan: not found"), "\(missing)")
        #expect(try sandbox.head(repo) == base)

        // --acctplan names a binary: it works with no acctplan on PATH.
        let binary = try CLI.binary.get().path
        let explicit = try sandbox.acctplan(["hooks", "install", "--acctplan", binary], in: repo, path: path)
        #expect(explicit.status == 0 && !explicit.stderr.contains("not on PATH"), "\(explicit)")
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(broken.status != 0, "\(broken)")
        #expect((broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == base)
        let wrong = try sandbox.acctplan(["hooks", "install", "--acctplan", "/no/such/acctplan"], in: repo)
        #expect(wrong.status == 2 && wrong.stderr.contains("--acctplan /no/such/acctplan: no executable file there"), "\(wrong)")
    }

    @Test func installLeavesAForeignHookAloneButConfiguresTheDriver() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        let first = try sandbox.acctplan(["hooks", "install"], in: repo)
        #expect(first.status == 0, "\(first)")
        let installed = try Data(contentsOf: hook)

        // Installing again updates acctplan's own hook: the same file.
        let again = try sandbox.acctplan(["hooks", "install"], in: repo)
        #expect(again.status == 0, "\(again)")
        #expect((try? Data(contentsOf: hook)) == installed)

        let mine = Data("#!/bin/sh\n# my own hook\nexit 0\n".utf8)
        try mine.write(to: hook)
        try sandbox.gitOK(["config", "--unset-all", "diff.acctplan.command"], in: repo)
        let kept = try sandbox.acctplan(["hooks", "install"], in: repo)
        #expect(kept.status == 0, "\(kept)")
        #expect((try? Data(contentsOf: hook)) == mine, "someone else's hook is left alone")
        #expect(kept.stderr.contains("already exists and is not acctplan's; it was left as it is"), "\(kept)")
        #expect(kept.stderr.contains("(cd \"$(git rev-parse --show-toplevel)\" && acctplan lint --staged) || exit 1"),
                "the line to add: \(kept)")
        #expect(kept.stdout.contains("configured the 'acctplan' diff driver"), "\(kept)")
        #expect(try sandbox.gitOK(["config", "diff.acctplan.command"], in: repo) == "acctplan diff --external")

        let forced = try sandbox.acctplan(["hooks", "install", "--force"], in: repo)
        #expect(forced.status == 0, "\(forced)")
        let replaced = GitFixture.read(".git/hooks/pre-commit", in: repo) ?? ""
        #expect(replaced.contains(Self.marker) && !replaced.contains("my own hook"), "\(replaced)")
        #expect(Self.isExecutable(hook))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: hook.deletingLastPathComponent().path)) ?? []
        #expect(!leftovers.contains { $0.hasPrefix(".pre-commit") }, "no temporary file left: \(leftovers)")
    }

    @Test func chainAddsTheCheckToAForeignHookAndUninstallTakesItOutAgain() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let bin = try sandbox.bin(copy: false)
        let path = bin.path + ":" + GitSandbox.inheritedPath
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        // A hook of the team's own that ends with exec: a block appended at the end would never run.
        let theirs = "#!/bin/sh\n# the team's checks\ndate > \"$(git rev-parse --git-dir)/ran-team-hook\"\nexec true\n"
        try Data(theirs.utf8).write(to: hook)
        chmod(hook.path, 0o750)

        let chained = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo, path: path)
        #expect(chained.status == 0, "\(chained)")
        let text = GitFixture.read(".git/hooks/pre-commit", in: repo) ?? ""
        #expect(text.hasPrefix("#!/bin/sh\n# >>> acctplan: lint the staged plans"), "\(text)")
        #expect(text.hasSuffix("# the team's checks\ndate > \"$(git rev-parse --git-dir)/ran-team-hook\"\nexec true\n"), "\(text)")
        let again = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo, path: path)
        #expect(again.status == 0)
        #expect(GitFixture.read(".git/hooks/pre-commit", in: repo) == text, "chaining twice adds one block")

        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == base)
        try GitFixture.write(GitFixture.acme("Fixed."), to: "accounts/acme.md", in: repo)
        let good = try sandbox.git(["commit", "-q", "-am", "Good"], in: repo, path: path)
        #expect(good.status == 0, "\(good)")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/ran-team-hook").path), "their hook still runs")

        let uninstall = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
        #expect(uninstall.status == 0, "\(uninstall)")
        #expect(uninstall.stdout.contains("removed acctplan's check from"), "\(uninstall)")
        #expect(GitFixture.read(".git/hooks/pre-commit", in: repo) == theirs, "their hook, byte for byte")
        let mode = (try? FileManager.default.attributesOfItem(atPath: hook.path))?[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o750, "and its mode")
        #expect(try sandbox.git(["config", "diff.acctplan.command"], in: repo).status != 0, "the driver is gone")
        let twice = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
        #expect(twice.status == 0 && twice.stdout.contains("nothing to remove"), "\(twice)")

        // A hook in another language is not edited.
        try Data("#!/usr/bin/env python3\nprint('hi')\n".utf8).write(to: hook)
        let python = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo, path: path)
        #expect(python.status == 2 && python.stderr.contains("is not a shell script"), "\(python)")
    }

    @Test func uninstallRemovesAcctplansOwnHookOnly() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        #expect(try sandbox.acctplan(["hooks", "install"], in: repo).status == 0)
        let uninstall = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
        #expect(uninstall.status == 0, "\(uninstall)")
        #expect(uninstall.stdout.contains("removed the pre-commit hook") && uninstall.stdout.contains("removed diff.acctplan.textconv"),
                "\(uninstall)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/hooks/pre-commit").path))
        let mine = Data("#!/bin/sh\nexit 0\n".utf8)
        try mine.write(to: repo.appendingPathComponent(".git/hooks/pre-commit"))
        let foreign = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
        #expect(foreign.status == 0 && foreign.stdout.contains("nothing to remove"), "\(foreign)")
        #expect((try? Data(contentsOf: repo.appendingPathComponent(".git/hooks/pre-commit"))) == mine)
    }

    @Test func installRespectsCoreHooksPath() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try sandbox.gitOK(["config", "core.hooksPath", ".githooks"], in: repo)
        let install = try sandbox.acctplan(["hooks", "install"], in: repo)
        #expect(install.status == 0, "\(install)")
        #expect(Self.isExecutable(repo.appendingPathComponent(".githooks/pre-commit")))
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/hooks/pre-commit").path))

        // git runs it from there.
        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let broken = try sandbox.git(["commit", "-m", "Broken", "accounts/acme.md"], in: repo, path: path)
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == base)
    }

    @Test func theHookLintsAWorkspaceInASubFolder() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.temp.write(["repo/README.md": "# Code and plans\n"], under: "").appendingPathComponent("repo")
        try sandbox.gitOK(["init", "-q"], in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Code"], in: repo)
        _ = try Fixture.workspace(GitFixture.plans, in: sandbox.temp, under: "repo/plans")
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Plans"], in: repo)
        let plans = repo.appendingPathComponent("plans")

        let install = try sandbox.acctplan(["hooks", "install"], in: plans)
        #expect(install.status == 0, "\(install)")
        #expect(Self.isExecutable(repo.appendingPathComponent(".git/hooks/pre-commit")))
        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "plans/accounts/acme.md", in: repo)
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == base)
        try GitFixture.write(GitFixture.acme("ok"), to: "plans/accounts/acme.md", in: repo)
        let good = try sandbox.git(["commit", "-q", "-am", "Good"], in: repo, path: path)
        #expect(good.status == 0, "\(good)")
    }

    /// CLI.md: `hooks install` also "configure[s] the semantic diff driver for `*.md` plans in
    /// this repository" — the template's .gitattributes names it `acctplan`.
    @Test func installConfiguresTheSemanticDiffDriver() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let temporaryCopy = try sandbox.bin("temporary-bin", copy: true)
        let install = try sandbox.acctplan(["hooks", "install"], in: repo, binary: temporaryCopy.appendingPathComponent("acctplan"))
        #expect(install.status == 0, "\(install)")
        try FileManager.default.removeItem(at: temporaryCopy)
        let driver = try sandbox.git(["config", "--local", "--get-regexp", #"^diff\.acctplan\."#], in: repo)
        #expect(driver.status == 0 && driver.stdout.contains("acctplan"),
                "a diff.acctplan.* setting in .git/config: \(driver)")

        #expect(try sandbox.gitOK(["config", "diff.acctplan.command"], in: repo) == "acctplan diff --external")
        #expect(try sandbox.gitOK(["config", "diff.acctplan.textconv"], in: repo) == "acctplan textconv")

        // And git uses it for the plans .gitattributes marks (the template's rules), running the
        // acctplan on PATH: installed from a copy that is then deleted, nothing breaks.
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.gitExecutable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let attributes = try Data(contentsOf: CLI.workspaceTemplate.appendingPathComponent(".gitattributes"))
        try attributes.write(to: repo.appendingPathComponent(".gitattributes"))
        try sandbox.gitOK(["add", ".gitattributes"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Attributes"], in: repo, path: path)
        try GitFixture.write(Fixture.account(name: "Acme", stage: "industry-solution"), to: "accounts/acme.md", in: repo)
        let diff = try sandbox.git(["diff"], in: repo, path: path)
        #expect(diff.status == 0 && diff.stdout.contains("acme") && diff.stderr.isEmpty, "git diff through the driver: \(diff)")
        try sandbox.gitOK(["commit", "-q", "-am", "Acme moves on"], in: repo, path: path)
        let log = try sandbox.git(["log", "-p", "-1"], in: repo, path: path)
        #expect(log.status == 0 && log.stdout.contains("acme") && log.stderr.isEmpty, "git log -p through textconv: \(log)")

        // A plan moved (and edited): git hands the driver both paths, and it names the move as
        // `acctplan diff` does (it named the old path only; a newcomer trial).
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("accounts/east"), withIntermediateDirectories: true)
        try sandbox.gitOK(["mv", "accounts/acme.md", "accounts/east/acme.md"], in: repo)
        try GitFixture.write(Fixture.account(name: "Acme", stage: "integration"), to: "accounts/east/acme.md", in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        let moved = try sandbox.git(["diff", "--cached", "-M"], in: repo, path: path)
        #expect(moved.status == 0 && moved.stdout.hasPrefix("accounts/east/acme.md (account acme, renamed from accounts/acme.md)\n"),
                "\(moved)")
        #expect(moved.stdout.contains("stage: industry-solution → integration"), "\(moved)")
    }
}
