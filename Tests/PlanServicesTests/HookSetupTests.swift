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
        let removed = try setup.uninstall()
        #expect(removed.first == "acctplan's check from \(setup.hook.path)")
        #expect(removed.dropFirst() == ["diff.acctplan.command", "diff.acctplan.textconv", "merge.acctplan.name", "merge.acctplan.driver"])
        #expect(try repo.read(".git/hooks/pre-commit") == own)
        #expect(try setup.uninstall().isEmpty)
    }
}
