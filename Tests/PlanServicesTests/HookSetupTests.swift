import Foundation
import PlanServices
import Testing

@Suite struct HookSetupTests {
    @Test func aShellHookOfTheUsersIsLeftAloneThenChainedThenRestoredByUninstall() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let own = "#!/bin/sh\necho checking\n"
        try repo.write(".git/hooks/pre-commit", own)
        let setup = try HookSetup(workspace: repo.root.path, binary: nil)

        #expect(try setup.installHook(force: false, chain: false) == .leftAlone(preCommitFramework: false))
        #expect(try repo.read(".git/hooks/pre-commit") == own)
        #expect(try setup.installHook(force: false, chain: true) == .chained)
        let chained = try repo.read(".git/hooks/pre-commit")
        #expect(chained.hasPrefix("#!/bin/sh\n" + setup.chainBlock))
        #expect(chained.hasSuffix("echo checking\n"))

        try setup.configureDiffDriver()
        #expect(try repo.git("config", "diff.acctplan.command") == "acctplan diff --external")
        #expect(try repo.git("config", "merge.acctplan.driver") == "acctplan merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P")
        let removed = try setup.uninstall().map(\.description)
        #expect(removed.first == "acctplan's check from \(setup.hook.path)")
        #expect(removed.dropFirst() == ["diff.acctplan.command", "diff.acctplan.textconv", "merge.acctplan.name", "merge.acctplan.driver"])
        #expect(try repo.read(".git/hooks/pre-commit") == own)
        #expect(try setup.uninstall().isEmpty)
    }

    /// The prepare-commit-msg hook (the conflict check) is installed, chained and removed on its
    /// own, next to the pre-commit hook: a hook of the user's for one never decides the other.
    @Test func theConflictCheckHookIsInstalledChainedAndRemovedOnItsOwn() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let setup = try HookSetup(workspace: repo.root.path, binary: nil)
        #expect(try setup.installHook(.prepareCommitMessage, force: false, chain: false) == .installed)
        let own = try repo.read(".git/hooks/prepare-commit-msg")
        #expect(own.hasPrefix("#!/bin/sh\n# installed by acctplan hooks install\n") && own.contains("exec \"$acctplan\" hooks check-conflicts\n"), "\(own)")
        #expect(FileManager.default.isExecutableFile(atPath: setup.url(.prepareCommitMessage).path))
        #expect(!FileManager.default.fileExists(atPath: setup.hook.path), "the pre-commit hook is another install")

        let users = "#!/bin/sh\necho \"[ticket]\" >> \"$1\"\n"
        try repo.write(".git/hooks/prepare-commit-msg", users)
        #expect(try setup.installHook(.prepareCommitMessage, force: false, chain: false) == .leftAlone(preCommitFramework: false))
        #expect(try repo.read(".git/hooks/prepare-commit-msg") == users)
        #expect(try setup.installHook(.prepareCommitMessage, force: false, chain: true) == .chained)
        let chained = try repo.read(".git/hooks/prepare-commit-msg")
        #expect(chained == "#!/bin/sh\n" + setup.chainBlock(.prepareCommitMessage) + "echo \"[ticket]\" >> \"$1\"\n")
        #expect(setup.chainBlock(.prepareCommitMessage).contains("hooks check-conflicts) || exit 1"))
        // Chaining again replaces the block, never adds a second one; so does a plain install
        // (what docs/git.md tells an older setup to run), without warning that nothing checks.
        #expect(try setup.installHook(.prepareCommitMessage, force: false, chain: true) == .chained)
        #expect(try repo.read(".git/hooks/prepare-commit-msg") == chained)
        #expect(try setup.installHook(.prepareCommitMessage, force: false, chain: false) == .chained)
        #expect(try repo.read(".git/hooks/prepare-commit-msg") == chained)

        #expect(try setup.installHook(force: false, chain: false) == .installed)
        let removed = try setup.uninstall().map(\.description)
        #expect(removed == ["the pre-commit hook \(setup.hook.path)", "acctplan's check from \(setup.url(.prepareCommitMessage).path)"])
        #expect(try repo.read(".git/hooks/prepare-commit-msg") == users)
        #expect(!FileManager.default.fileExists(atPath: setup.hook.path))
    }
}
