import Foundation
import Testing

/// `acctplan hooks install|uninstall` never destroys a hook it cannot edit safely, and quotes a
/// binary's path so that no shell ever reads it as code.
struct HookSafetyTests {
    static func bytes(_ url: URL) -> Data? { try? Data(contentsOf: url) }

    static func isLink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// A compiled pre-commit program (not UTF-8, with NULs) is left byte for byte by every command.
    @Test func aCompiledHookIsNeverRewritten() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        let program = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x00, 0xC3, 0x28, 0x0A])
        try program.write(to: hook)
        chmod(hook.path, 0o755)

        let chain = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo)
        #expect(chain.status == 2, "\(chain)")
        #expect(chain.stderr.contains("not a text file") && chain.stderr.contains("lint --staged"),
                "says why and what to run instead: \(chain)")
        #expect(Self.bytes(hook) == program, "the program is intact")

        let install = try sandbox.acctplan(["hooks", "install"], in: repo)
        #expect(install.status == 0 && install.stderr.contains("left as it is"), "\(install)")
        #expect(Self.bytes(hook) == program)
        let uninstall = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
        #expect(uninstall.status == 0, "\(uninstall)")
        #expect(Self.bytes(hook) == program)
    }

    /// A hook that is a link (to a script versioned in the repository, or to nothing) stays a
    /// link: editing through it would turn it into a copy, or change a shared file.
    @Test func aLinkedHookStaysALink() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let hook = repo.appendingPathComponent(".git/hooks/pre-commit")
        let script = "#!/bin/sh\necho team checks\n"
        try GitFixture.write(script, to: "scripts/pre-commit", in: repo)
        chmod(repo.appendingPathComponent("scripts/pre-commit").path, 0o755)

        for target in ["../../scripts/pre-commit", "/no/such/hook"] {
            try? FileManager.default.removeItem(at: hook)
            try FileManager.default.createSymbolicLink(atPath: hook.path, withDestinationPath: target)
            let chain = try sandbox.acctplan(["hooks", "install", "--chain"], in: repo)
            #expect(chain.status == 2 && chain.stderr.contains("is a link"), "\(target): \(chain)")
            #expect(chain.stderr.contains("(cd \"$(git rev-parse --show-toplevel)\" && acctplan lint --staged) || exit 1"),
                    "the line to add: \(chain)")
            let install = try sandbox.acctplan(["hooks", "install"], in: repo)
            #expect(install.status == 0 && install.stderr.contains("left as it is"), "\(target): \(install)")
            let uninstall = try sandbox.acctplan(["hooks", "uninstall"], in: repo)
            #expect(uninstall.status == 0, "\(uninstall)")
            #expect(Self.isLink(hook), "\(target): still a link")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: hook.path)) == target)
            #expect(GitFixture.read("scripts/pre-commit", in: repo) == script, "the versioned script is unchanged")
        }

        // --force replaces the link itself, never the file it points at.
        let forced = try sandbox.acctplan(["hooks", "install", "--force"], in: repo)
        #expect(forced.status == 0, "\(forced)")
        #expect(!Self.isLink(hook) && (GitFixture.read(".git/hooks/pre-commit", in: repo) ?? "").contains("lint --staged"))
        #expect(GitFixture.read("scripts/pre-commit", in: repo) == script)
    }

    /// `--acctplan` with a path full of shell syntax: git's shell and the hook run that binary and
    /// nothing else, and the hook's "not found" message names the path as it is.
    @Test func aBinaryPathIsNeverReadAsShellCode() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let folder = sandbox.temp.path("it's $(touch PWNED) `touch PWNED2` \"x\"")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("acctplan")
        try GitSandbox.copyExecutable(try CLI.binary.get(), to: binary)
        // PATH has git and sh but no acctplan: only the given path can work.
        let path = GitSandbox.gitExecutable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        // Under AddressSanitizer (scripts/sanitize), leak checking symbolizes the binary's own
        // frames by sending its path to llvm-symbolizer in double quotes; the `"` in this path
        // leaves the symbolizer waiting for the rest of the line, and the process never exits.
        // The runs from this path check quoting, so they skip the leak check: every other test
        // runs the same binary with it.
        let sanitizer = ProcessInfo.processInfo.environment["ACCTPLAN_SANITIZER"] == "address"
            ? ["ASAN_OPTIONS": "detect_leaks=0"] : [:]
        let install = try sandbox.acctplan(["hooks", "install", "--acctplan", binary.path], in: repo, path: path)
        #expect(install.status == 0, "\(install)")

        try GitFixture.write("accounts/*.md diff=acctplan\n", to: ".gitattributes", in: repo)
        try GitFixture.write(Fixture.account(name: "Acme", stage: "industry-solution"), to: "accounts/acme.md", in: repo)
        let diff = try sandbox.git(["diff", "accounts/acme.md"], in: repo, path: path, extra: sanitizer)
        #expect(diff.status == 0 && diff.stdout.contains("departmental → industry-solution"), "git diff runs it: \(diff)")
        let base = try sandbox.head(repo)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: repo)
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path, extra: sanitizer)
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "the hook runs it: \(broken)")

        try FileManager.default.removeItem(at: binary)
        let gone = try sandbox.git(["commit", "-am", "Broken"], in: repo, path: path)
        #expect(gone.status != 0 && (gone.stdout + gone.stderr).contains("cannot run \(binary.path): not found"), "\(gone)")
        #expect(try sandbox.head(repo) == base)
        let pwned = sandbox.temp.allFiles().filter { $0.hasSuffix("PWNED") || $0.hasSuffix("PWNED2") }
        #expect(pwned.isEmpty, "no command in the path ran: \(pwned)")
    }

    /// git runs the hooks of a linked worktree (`git worktree add`) from the shared git
    /// directory, not from `.git/worktrees/NAME/hooks`.
    @Test func aLinkedWorktreeGetsTheHookGitRuns() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let linked = sandbox.temp.path("linked")
        try sandbox.gitOK(["worktree", "add", "-q", "-b", "review", linked.path], in: repo)
        let install = try sandbox.acctplan(["hooks", "install"], in: linked)
        #expect(install.status == 0 && install.stdout.contains(repo.appendingPathComponent(".git/hooks/pre-commit").path),
                "\(install)")
        let path = try sandbox.bin(copy: false).path + ":" + GitSandbox.inheritedPath
        let base = try sandbox.head(linked)
        try GitFixture.write(GitFixture.brokenAcme, to: "accounts/acme.md", in: linked)
        let broken = try sandbox.git(["commit", "-am", "Broken"], in: linked, path: path)
        #expect(broken.status != 0 && (broken.stdout + broken.stderr).contains("unknown-stage"), "\(broken)")
        #expect(try sandbox.head(linked) == base)

        let uninstall = try sandbox.acctplan(["hooks", "uninstall"], in: linked)
        #expect(uninstall.status == 0 && uninstall.stdout.contains("removed the pre-commit hook"), "\(uninstall)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git/hooks/pre-commit").path))
    }

    /// `uninstall` offers only what it uses: `--acctplan` names a binary to install, and an
    /// uninstall must not fail because that binary is gone.
    @Test func uninstallTakesNoBinary() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let help = try CLI.output(["hooks", "uninstall", "--help"], in: temp.url)
        #expect(help.status == 0 && help.stdout.contains("--workspace") && !help.stdout.contains("--acctplan"), "\(help)")
        let install = try CLI.output(["hooks", "install", "--help"], in: temp.url)
        #expect(install.stdout.contains("--acctplan <path>") && install.stdout.contains("--chain"), "\(install)")
    }
}
