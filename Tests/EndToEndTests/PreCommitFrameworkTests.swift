import Foundation
import Testing

/// The project's .pre-commit-hooks.yaml, run by the real pre-commit framework (PyPI): a
/// workspace lists acctplan's hooks in its .pre-commit-config.yaml and `git commit` runs them.
struct PreCommitFrameworkTests {
    /// The interpreter (its real path, not a pyenv shim, which needs the machine's HOME) of the
    /// first python3 on PATH that can import pre_commit; nil when none can (scripts/deps tests
    /// installs the framework).
    static let python: String? = {
        for folder in GitSandbox.inheritedPath.split(separator: ":") {
            let candidate = "\(folder)/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                  let result = try? Subprocess.run(candidate, ["-c", "import pre_commit, sys; print(sys.executable)"],
                                                   environment: ProcessInfo.processInfo.environment,
                                                   directory: NSTemporaryDirectory(), timeout: 30),
                  result.termination.shellStatus == 0
            else { continue }
            let path = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return path.isEmpty ? candidate : path
        }
        return nil
    }()

    /// A repository holding the project's manifest as it is in this checkout, and its commit.
    static func hooksRepository(_ sandbox: GitSandbox) throws -> (URL, String) {
        let hooksRepo = sandbox.temp.path("acctplan-hooks")
        try FileManager.default.createDirectory(at: hooksRepo, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot().appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooksRepo.appendingPathComponent(".pre-commit-hooks.yaml"))
        try sandbox.gitOK(["init", "-q"], in: hooksRepo)
        try sandbox.gitOK(["add", "-A"], in: hooksRepo)
        try sandbox.gitOK(["commit", "-q", "-m", "Hooks"], in: hooksRepo)
        return (hooksRepo, try sandbox.head(hooksRepo))
    }

    /// A .pre-commit-config.yaml listing both hooks of the manifest at `rev`, with `--workspace`
    /// for a workspace in a sub-folder.
    static func config(_ hooksRepo: URL, _ rev: String, workspace: String? = nil) -> String {
        let folder = workspace.map { "--workspace, \($0), " } ?? ""
        return """
            default_stages: [pre-commit]
            repos:
              - repo: \(hooksRepo.path)
                rev: \(rev)
                hooks:
                  - id: acctplan-lint
                    args: [\(folder)--as-of, "\(Fixture.asOf)"]
                  - id: acctplan-fmt
                    args: [\(folder.isEmpty ? "" : String(folder.dropLast(2)))]
                  - id: acctplan-conflicts
                    args: [\(folder.isEmpty ? "" : String(folder.dropLast(2)))]

            """
    }

    /// pre-commit runs hooks from the repository's top: a workspace in a sub-folder gives both
    /// hooks `args: [--workspace, plans]`, as docs/git.md says.
    @Test(.enabled(if: python != nil, "the pre-commit framework is not installed (scripts/deps tests installs it from PyPI)"))
    func aWorkspaceInASubFolderNamesItsFolder() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (hooksRepo, rev) = try Self.hooksRepository(sandbox)
        let repo = try sandbox.temp.write(["mono/README.md": "# Code and plans\n"]).appendingPathComponent("mono")
        let plans = try Fixture.workspace(GitFixture.plans, in: sandbox.temp, under: "mono/plans")
        try GitFixture.write(Self.config(hooksRepo, rev, workspace: "plans"), to: ".pre-commit-config.yaml", in: repo)
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let extra = ["PRE_COMMIT_HOME": sandbox.temp.path("pre-commit-home").path]
        func run(_ program: String, _ args: [String], in dir: URL = repo) throws -> CLI.Output {
            try Launched(URL(fileURLWithPath: program), args, in: dir,
                         environment: sandbox.environment(path: path, extra: extra)).wait(timeout: 120)
        }
        let git = GitSandbox.gitExecutable.path
        #expect(try run(git, ["init", "-q"]).status == 0)
        #expect(try run("/bin/sh", ["-c", "acctplan fmt >/dev/null"], in: plans).status == 0)
        let install = try run(try #require(Self.python), ["-m", "pre_commit", "install"])
        #expect(install.status == 0, "\(install)")
        #expect(try run(git, ["add", "-A"]).status == 0)
        let first = try run(git, ["commit", "-q", "-m", "Code and plans"])
        #expect(first.status == 0, "\(first)")
        let clean = try sandbox.head(repo)

        try GitFixture.write(GitFixture.brokenAcme, to: "plans/accounts/acme.md", in: repo)
        _ = try run("/bin/sh", ["-c", "acctplan fmt accounts/acme.md >/dev/null 2>&1; true"], in: plans)
        let broken = try run(git, ["commit", "-am", "Broken"])
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == clean)

        try GitFixture.write(GitFixture.acme("Fixed, but with a ragged table."), to: "plans/accounts/acme.md", in: repo)
        let ragged = try run(git, ["commit", "-am", "Ragged"])
        #expect(ragged.status != 0 && (ragged.stdout + ragged.stderr).contains("files were modified by this hook"), "\(ragged)")
        let good = try run(git, ["commit", "-q", "-am", "Fixed"])
        #expect(good.status == 0, "fmt's rewrite is committed: \(good)")
    }

    @Test(.enabled(if: python != nil, "the pre-commit framework is not installed (scripts/deps tests installs it from PyPI)"))
    func theFrameworkRunsAcctplansHooksOnCommit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (hooksRepo, rev) = try Self.hooksRepository(sandbox)

        let repo = try sandbox.repository(accounts: GitFixture.plans)
        try GitFixture.write(Self.config(hooksRepo, rev), to: ".pre-commit-config.yaml", in: repo)
        try sandbox.gitOK(["add", ".pre-commit-config.yaml"], in: repo)
        let bin = try sandbox.bin(copy: false)
        let path = bin.path + ":" + GitSandbox.inheritedPath
        let extra = ["PRE_COMMIT_HOME": sandbox.temp.path("pre-commit-home").path]
        func run(_ program: String, _ args: [String]) throws -> CLI.Output {
            try Launched(URL(fileURLWithPath: program), args, in: repo,
                         environment: sandbox.environment(path: path, extra: extra)).wait(timeout: 120)
        }
        let python = try #require(Self.python)
        let install = try run(python, ["-m", "pre_commit", "install", "--hook-type", "pre-commit", "--hook-type", "prepare-commit-msg"])
        #expect(install.status == 0, "\(install)")
        let git = GitSandbox.gitExecutable.path
        // acctplan's own install sees that the framework's hooks run its checks: no warning, and
        // the drivers are still configured.
        let own = try sandbox.acctplan(["hooks", "install"], in: repo, path: path)
        #expect(own.status == 0 && own.stderr.isEmpty, "\(own)")
        #expect(own.stdout.contains(".pre-commit-config.yaml runs acctplan-lint")
                && own.stdout.contains(".pre-commit-config.yaml runs acctplan-conflicts")
                && own.stdout.contains("configured the 'acctplan' merge driver"), "\(own)")

        // A clean commit goes through (the fixture's plans put in canonical form first).
        #expect(try run("/bin/sh", ["-c", "acctplan fmt >/dev/null"]).status == 0)
        try sandbox.gitOK(["add", "-A"], in: repo)
        let first = try run(git, ["commit", "-q", "-m", "pre-commit config"])
        #expect(first.status == 0, "\(first)")
        let clean = try sandbox.head(repo)

        // A broken plan: the framework runs acctplan-lint, which fails the commit with the diagnostic.
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        _ = try run("/bin/sh", ["-c", "acctplan fmt accounts/acme.md >/dev/null 2>&1; true"])
        let broken = try run(git, ["commit", "-am", "Broken"])
        #expect(broken.status != 0, "\(broken)")
        let said = broken.stdout + broken.stderr
        #expect(said.contains("acctplan lint") && said.contains("Failed") && said.contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(repo) == clean, "HEAD did not move")

        // Fixed: it passes, and `pre-commit run --all-files` (what CI runs) agrees.
        try GitFixture.write(GitFixture.acme("Fixed."), to: "accounts/acme.md", in: repo)
        _ = try run("/bin/sh", ["-c", "acctplan fmt accounts/acme.md >/dev/null 2>&1; true"])
        let good = try run(git, ["commit", "-q", "-am", "Fixed"])
        #expect(good.status == 0, "\(good)")
        let all = try run(python, ["-m", "pre_commit", "run", "--all-files"])
        #expect(all.status == 0 && all.stdout.contains("acctplan lint") && all.stdout.contains("Passed"), "\(all)")

        // Conflict markers: refused at prepare-commit-msg, which `--no-verify` does not skip (and
        // which git runs when it continues a rebase); lint, at pre-commit only, did not run.
        let fixed = try sandbox.head(repo)
        try GitFixture.write(GitFixture.acme("Fixed.") + "<<<<<<< ours\n- [ ] a\n=======\n- [ ] b\n>>>>>>> theirs\n",
                             to: "accounts/acme.md", in: repo)
        let markers = try run(git, ["commit", "--no-verify", "-am", "Markers"])
        let markersSaid = markers.stdout + markers.stderr
        #expect(markers.status != 0 && markersSaid.contains("acctplan conflict markers") && markersSaid.contains("merge-conflict")
                && !markersSaid.contains("acctplan lint."), "\(markers)")
        #expect(try sandbox.head(repo) == fixed, "HEAD did not move")
        try sandbox.gitOK(["checkout", "--", "accounts/acme.md"], in: repo)

        // fmt as a fixer: a plan out of canonical form is rewritten and the commit stops.
        try GitFixture.write(GitFixture.acme("Fixed, but with a ragged table."), to: "accounts/acme.md", in: repo)
        let ragged = try run(git, ["commit", "-am", "Ragged"])
        #expect(ragged.status != 0 && (ragged.stdout + ragged.stderr).contains("files were modified by this hook"), "\(ragged)")
    }
}
