import Foundation
import Testing

/// `acctplan fmt` on real files: what it rewrites, what it leaves alone, how it writes.
struct FmtTests {
    static let messy = """
        ---
        reviewed: 2026-11-01
        # the account manager
        manager: li-you
        stage: departmental
        industry: tobacco
        name: Acme
        ---
        # Acme

        Prose with a hard break  
        stays exactly as written.

        ## Stakeholders
        |Name|Role|
        |-|-|
        |王芳|decision-maker|

        ## Actions
        * [X] 2026-11-20 @li-you Kick-off held

        """

    static let canonical = """
        ---
        name: Acme
        industry: tobacco
        stage: departmental
        # the account manager
        manager: li-you
        reviewed: 2026-11-01
        ---
        # Acme

        Prose with a hard break  
        stays exactly as written.

        ## Stakeholders
        | Name | Role           |
        | ---- | -------------- |
        | 王芳 | decision-maker |

        ## Actions
        - [x] 2026-11-20 @li-you Kick-off held

        """

    static func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    static func inode(_ url: URL) -> UInt64 {
        var status = stat()
        return stat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    @Test func rewritesOnlyPlansThatChangeAtomicallyKeepingTheMode() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/messy.md": Self.messy, "accounts/clean.md": Self.canonical], in: temp)
        let messy = root.appendingPathComponent("accounts/messy.md")
        let clean = root.appendingPathComponent("accounts/clean.md")
        chmod(messy.path, 0o640)
        let cleanInode = Self.inode(clean)
        let cleanDate = try FileManager.default.attributesOfItem(atPath: clean.path)[.modificationDate] as? Date

        let result = try CLI.output(["fmt"], in: root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "formatted accounts/messy.md\n")
        #expect(result.stderr == "1 of 3 plans reformatted\n")
        #expect(try Self.read(messy) == Self.canonical)
        let mode = try FileManager.default.attributesOfItem(atPath: messy.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the plan keeps its mode")
        #expect(Self.inode(clean) == cleanInode, "a plan already in canonical form is not rewritten")
        #expect(try FileManager.default.attributesOfItem(atPath: clean.path)[.modificationDate] as? Date == cleanDate)
        #expect(temp.allFiles().filter { $0.contains(".acctplan-") }.isEmpty, "no temporary file is left behind")

        let again = try CLI.output(["fmt"], in: root)
        #expect(again.status == 0 && again.stdout.isEmpty && again.stderr == "0 of 3 plans reformatted\n", "\(again)")
    }

    @Test func checkListsWhatWouldChangeAndChangesNothing() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/messy.md": Self.messy, "accounts/clean.md": Self.canonical], in: temp)
        let result = try CLI.output(["fmt", "--check"], in: root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "accounts/messy.md\n")
        #expect(result.stderr.contains("1 of 3 plans would be reformatted; run 'acctplan fmt' to rewrite them"))
        #expect(try Self.read(root.appendingPathComponent("accounts/messy.md")) == Self.messy)

        #expect(try CLI.output(["fmt", "accounts/clean.md", "--check"], in: root).status == 0)
        _ = try CLI.output(["fmt"], in: root)
        let after = try CLI.output(["fmt", "--check"], in: root)
        #expect(after.status == 0 && after.stdout.isEmpty, "\(after)")
        #expect(after.stderr == "3 plans checked, all in canonical form\n")
    }

    @Test func refusesAPlanThatDoesNotParseAndFormatsTheOthers() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let broken = "---\nname: [Acme\nstage: departmental\n---\n# Acme\n|a|b|\n|-|-|\n"
        let root = try Fixture.workspace(["accounts/broken.md": broken, "accounts/messy.md": Self.messy], in: temp)
        let result = try CLI.output(["fmt"], in: root)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("accounts/broken.md:2:7: error: front matter: YAML syntax error"), "\(result.stderr)")
        #expect(result.stderr.contains("acctplan: accounts/broken.md not formatted: it does not parse"))
        #expect(try Self.read(root.appendingPathComponent("accounts/broken.md")) == broken)
        #expect(try Self.read(root.appendingPathComponent("accounts/messy.md")) == Self.canonical)
    }

    /// A plan lint reads but that alignment would push over the 4 MiB limit (a newcomer trial:
    /// a megabyte-long title padded into every row) is left alone, and fmt says why — not that
    /// it "does not parse".
    @Test func aPlanTooLargeOnceAlignedIsLeftAloneAndSaysSo() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let title = String(repeating: "x", count: 1_000_000)
        let rows = (1...5).map { "| Person \($0) | \($0 == 1 ? title : "CIO") | influencer |" }.joined(separator: "\n")
        let plan = "---\nname: Acme\nindustry: tobacco\nmanager: li-you\nstage: departmental\nreviewed: 2026-11-01\n---\n# Acme\n\n"
            + "## Stakeholders\n\n| Name | Title | Role |\n|---|---|---|\n" + rows + "\n"
        let root = try Fixture.workspace(["accounts/acme.md": plan], in: temp)
        let lint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(!lint.stdout.contains("too-large"), "\(lint.stdout.prefix(500))")
        let result = try CLI.output(["fmt"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("aligned, this plan would be") && result.stderr.contains("[too-large]"), "\(result.stderr.prefix(800))")
        #expect(result.stderr.contains("acctplan: accounts/acme.md not formatted: aligned, it would be over acctplan's limits (above); lint reads it as it is"))
        #expect(!result.stderr.contains("does not parse"))
        #expect(try Self.read(root.appendingPathComponent("accounts/acme.md")) == plan)
    }

    @Test func narrowsToPathsAndRefusesPathsOutsideTheWorkspace() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/east/a.md": Self.messy, "accounts/west/b.md": Self.messy], in: temp)
        let result = try CLI.output(["fmt", "east"], in: root.appendingPathComponent("accounts"))
        #expect(result.status == 0 && result.stdout == "formatted accounts/east/a.md\n", "\(result)")
        #expect(try Self.read(root.appendingPathComponent("accounts/west/b.md")) == Self.messy)

        let outside = try CLI.output(["fmt", temp.url.deletingLastPathComponent().path], in: root)
        #expect(outside.status == 2 && outside.stderr.contains("is outside the workspace"), "\(outside)")
        let notAPlan = try CLI.output(["fmt", "acctplan.yml"], in: root)
        #expect(notAPlan.status == 2 && notAPlan.stderr.contains("no plan files in acctplan.yml"), "\(notAPlan)")
    }

    @Test func formatsTheTargetOfALinkedPlanAndKeepsTheLink() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/real/a.md": Self.messy], in: temp)
        try temp.symlink("accounts/linked.md", to: "real/a.md")
        let result = try CLI.output(["fmt"], in: root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("formatted") }.count == 1, "formatted once")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("accounts/linked.md").path)
        #expect(link == "real/a.md")
        #expect(try Self.read(root.appendingPathComponent("accounts/real/a.md")) == Self.canonical)
    }

    @Test func formattedPlansHaveNoSemanticDiffInGit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let dir = try sandbox.repository(accounts: ["accounts/messy.md": Self.messy])
        #expect(try sandbox.acctplan(["fmt"], in: dir).status == 0)
        #expect(try sandbox.status(dir) == [" M accounts/messy.md"], "git sees the rewrite")
        let diff = try sandbox.acctplan(["diff", "--format", "json"], in: dir)
        #expect(diff.status == 0, "\(diff)")
        let changes = try JSON.object(diff.stdout)["plans"] as? [Any]
        #expect(changes?.isEmpty == true, "acctplan sees no change in meaning: \(diff.stdout)")
    }

    @Test func leavesConflictedLinkedOutAndReadOnlyPlansAloneAndSaysWhy() throws {
        let temp = try TempDir()
        let outside = try TempDir()
        defer { temp.remove(); outside.remove() }
        let conflicted = Self.messy + "<<<<<<< HEAD\n- [ ] 2026-12-01 Call\n=======\n- [ ] 2026-12-02 Call\n>>>>>>> other\n"
        let root = try Fixture.workspace(["accounts/conflicted.md": conflicted, "accounts/locked.md": Self.messy,
                                          "accounts/messy.md": Self.messy], in: temp)
        chmod(root.appendingPathComponent("accounts/locked.md").path, 0o444)
        try outside.write(["theirs.md": Self.messy])
        try temp.symlink("accounts/away.md", to: outside.path("theirs.md").path)

        let result = try CLI.output(["fmt"], in: root)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "formatted accounts/messy.md\n")
        #expect(result.stderr.contains("acctplan: accounts/conflicted.md not formatted: it has merge conflict markers (line 21); resolve the conflict first"))
        #expect(result.stderr.contains("acctplan: accounts/away.md not formatted: not read: it is a link that leads outside the workspace"))
        #expect(result.stderr.contains("cannot write 'accounts/locked.md': it is read-only"), "\(result.stderr)")
        #expect(try Self.read(root.appendingPathComponent("accounts/conflicted.md")) == conflicted)
        #expect(try Self.read(root.appendingPathComponent("accounts/locked.md")) == Self.messy)
        #expect(try Self.read(outside.path("theirs.md")) == Self.messy)
    }

    @Test func removesTemporaryFilesAnInterruptedRunLeftBesideItsPlans() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/messy.md": Self.messy, "accounts/.messy.md.acctplan-Ab12Cd": "half",
                                          "accounts/.notes.txt.acctplan-Ab12Cd": "not ours to judge"], in: temp)
        #expect(try CLI.output(["fmt", "--check"], in: root).status == 1)
        #expect(temp.exists("accounts/.messy.md.acctplan-Ab12Cd"), "--check changes nothing")
        #expect(try CLI.output(["fmt"], in: root).status == 0)
        #expect(!temp.exists("accounts/.messy.md.acctplan-Ab12Cd"))
        #expect(temp.exists("accounts/.notes.txt.acctplan-Ab12Cd"), "only leftovers named after a plan are removed")
    }
}
