import Foundation
import Testing

/// The merge driver under a real `git merge`, in a workspace from `acctplan init` (issue 13):
/// two branches edit the same plan's Opportunities table and `fmt` re-pads it.
struct MergeDriverEndToEndTests {
    static let plan = "accounts/east/shanghai-tobacco.md"

    /// A workspace from `acctplan init` with the driver configured in `.git/config` and
    /// `.git/info/attributes`, and a branch `theirs` next to `main`.
    static func workspace(_ sandbox: GitSandbox) throws -> URL {
        let ws = try sandbox.templateWorkspace()
        let binary = try CLI.binary.get().path
        try sandbox.gitOK(["config", "merge.acctplan.name", "acctplan plan merge"], in: ws)
        try sandbox.gitOK(["config", "merge.acctplan.driver", "'\(binary)' merge-driver %O %A %B %P"], in: ws)
        let info = ws.appendingPathComponent(".git/info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try Data("accounts/**/*.md merge=acctplan\n".utf8).write(to: info.appendingPathComponent("attributes"))
        try sandbox.gitOK(["branch", "theirs"], in: ws)
        return ws
    }

    /// Replaces `old` with `new` in the plan, runs `fmt` and commits on the current branch.
    static func edit(_ sandbox: GitSandbox, _ ws: URL, _ replacements: [(String, String)], message: String) throws {
        var text = try #require(GitFixture.read(plan, in: ws))
        for (old, new) in replacements {
            #expect(text.contains(old), "\(old) is in the plan")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try GitFixture.write(text, to: plan, in: ws)
        let fmt = try sandbox.acctplan(["fmt", plan], in: ws)
        #expect(fmt.status == 0, "\(fmt)")
        try sandbox.gitOK(["commit", "-qam", message], in: ws)
    }

    /// A row theirs adds after ``lastRow``.
    static let newRow = "| opp-cigarette-factory-analytics | Factory analytics | qualify | CNY 1.5M | 20% | 2027-09-30 |\n"
    static let lastRow = "| opp-leaf-upgrade    | Leaf procurement suite upgrade              | won       | 1,200,000 |             | 2026-09-15 | industry |\n"

    @Test func parallelEditsOfOneTableMergeCleanlyAndLintClean() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        // Theirs: one new row with a longer name than any (fmt widens the Name column).
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [(Self.lastRow, Self.lastRow + "| opp-cigarette-factory-analytics | Analytics for the three cigarette factories' lines | qualify | CNY 1.5M | 20% | 2027-09-30 |\n")],
                      message: "A new opportunity")
        // Ours: another row's amount, and a different new row.
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |"),
                                    (Self.lastRow, Self.lastRow + "| opp-hr | HR cloud | qualify | CNY 0.8M | | 2027-12-31 |\n")],
                      message: "Amount up, and HR cloud")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status == 0, "\(merge)")
        let merged = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(!merged.contains("<<<<<<<"))
        #expect(merged.contains("CNY 5.8M"))
        #expect(merged.contains("| opp-hr "))
        #expect(merged.contains("| opp-cigarette-factory-analytics | Analytics for the three cigarette factories' lines | qualify "))
        let lint = try sandbox.acctplan(["lint", Self.plan], in: ws)
        #expect(lint.status == 0, "\(lint)")
        let check = try sandbox.acctplan(["fmt", "--check", Self.plan], in: ws)
        #expect(check.status == 0, "the merge is in canonical form: \(check)")
    }

    /// With `git -c merge.conflictStyle=diff3 merge` the conflict shows the base: git hands the
    /// setting to the driver in its environment, which libgit2 does not read (it was written
    /// without the base).
    @Test(arguments: [false, true])
    func aSameCellEditIsAOneRowConflictThatLintReports(diff3: Bool) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 4.9M  |")], message: "Amount down")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |"), ("| 3,500,000 |", "| 3,900,000 |")], message: "Amounts up")
        let merge = try sandbox.git((diff3 ? ["-c", "merge.conflictStyle=diff3"] : []) + ["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "\(merge)")
        let merged = try #require(GitFixture.read(Self.plan, in: ws))
        let block = merged.components(separatedBy: "<<<<<<< ").dropFirst()
        #expect(block.count == 1, "\(merged)")
        #expect(merged.contains("\n=======\n| opp-mes-integration | MES–ERP integration for cigarette factories | develop   | CNY 4.9M  | 35          | 2027-06-30 | data     |\n>>>>>>> "), "\(merged)")
        #expect(merged.contains("\n||||||| ") == diff3 && merged.contains("| CNY 5.2M  |") == diff3, "the base is shown with diff3: \(merged)")
        #expect(merged.contains("3,900,000"))
        let lint = try sandbox.acctplan(["lint", "--format", "json", Self.plan], in: ws)
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.contains("merge-conflict"), "\(lint)")
    }

    /// `hooks install` sets the driver up and the template's .gitattributes marks plans: a
    /// rebase and a cherry-pick of parallel table edits go through without a conflict.
    @Test func hooksInstallConfiguresTheDriverForRebaseAndCherryPick() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let install = try sandbox.acctplan(["hooks", "install", "--acctplan", try CLI.binary.get().path], in: ws)
        #expect(install.status == 0, "\(install)")
        #expect(try sandbox.gitOK(["config", "merge.acctplan.driver"], in: ws).hasSuffix("merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"))
        #expect(try sandbox.gitOK(["check-attr", "merge", Self.plan], in: ws).hasSuffix("merge: acctplan"))
        try sandbox.gitOK(["branch", "theirs"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [(Self.lastRow, Self.lastRow + Self.newRow)],
                      message: "A new opportunity")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |")], message: "Amount up")
        try sandbox.gitOK(["branch", "picked"], in: ws)
        let theirsTip = try sandbox.gitOK(["rev-parse", "theirs"], in: ws)
        // Rebase theirs onto main.
        let rebase = try sandbox.git(["rebase", "main", "theirs"], in: ws)
        #expect(rebase.status == 0, "\(rebase)")
        var text = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(text.contains("CNY 5.8M") && text.contains("opp-cigarette-factory-analytics") && !text.contains("<<<<<<<"))
        // Cherry-pick main's amount change onto a branch that has the new row, the other way round.
        try sandbox.gitOK(["checkout", "-q", "-b", "other", theirsTip], in: ws)
        let pick = try sandbox.git(["cherry-pick", "picked"], in: ws)
        #expect(pick.status == 0, "\(pick)")
        text = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(text.contains("CNY 5.8M") && text.contains("opp-cigarette-factory-analytics") && !text.contains("<<<<<<<"))
        let lint = try sandbox.acctplan(["lint", Self.plan], in: ws)
        #expect(lint.status == 0, "\(lint)")
    }

    /// Without the driver git conflicts over the whole re-padded table; `acctplan resolve`
    /// re-merges from the index stages, stages the plan, and the merge can be committed.
    @Test func resolveAfterAMergeWithoutTheDriver() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        try sandbox.gitOK(["branch", "theirs"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [(Self.lastRow, Self.lastRow + Self.newRow),
                                    ("| CNY 2.4M  |", "| CNY 2.2M  |")],
                      message: "A new opportunity")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |"), ("| CNY 2.4M  |", "| CNY 2.6M  |")], message: "Amounts up")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "without the driver git conflicts: \(merge)")
        // One real conflict (opp-consolidation's amount): resolve leaves just that row.
        let first = try sandbox.acctplan(["resolve"], in: ws)
        #expect(first.status == 1, "\(first)")
        #expect(first.stdout == "conflict    \(Self.plan): 1 conflict left; edit them, then 'git add \(Self.plan)'\n", "\(first)")
        var text = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(text.components(separatedBy: "<<<<<<< ").count == 2, "\(text)")
        #expect(text.contains("CNY 5.8M") && text.contains("opp-cigarette-factory-analytics"))
        // Again with the amount agreed on both branches: the plan merges cleanly and is staged.
        try sandbox.gitOK(["merge", "--abort"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 2.2M  |", "| CNY 2.6M  |")], message: "Agree on 2.6M")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        let again = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(again.status != 0, "\(again)")
        let second = try sandbox.acctplan(["resolve", Self.plan], in: ws)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout == "merged      \(Self.plan)\n", "\(second)")
        text = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(!text.contains("<<<<<<<") && text.contains("CNY 5.8M") && text.contains("opp-cigarette-factory-analytics"))
        #expect(try sandbox.gitOK(["diff", "--name-only", "--diff-filter=U"], in: ws).isEmpty, "nothing left unmerged")
        try sandbox.gitOK(["commit", "-q", "--no-edit"], in: ws)
        let lint = try sandbox.acctplan(["lint", Self.plan], in: ws)
        #expect(lint.status == 0, "\(lint)")
    }

    /// A resolution begun by hand is the user's edit: `resolve` merging again from git's versions
    /// wrote over it and staged the result (a newcomer trial lost a note this way). It leaves such
    /// a file alone; git's conflict in another style is still taken for untouched, and `--force`
    /// merges over an edit.
    @Test func resolveLeavesAFileEditedSinceTheMergeAlone() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        try sandbox.gitOK(["branch", "theirs"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [(Self.lastRow, Self.lastRow + Self.newRow)],
                      message: "A new opportunity")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |")], message: "Amount up")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "without the driver git conflicts: \(merge)")
        let conflicted = try #require(GitFixture.read(Self.plan, in: ws))
        #expect(conflicted.contains("<<<<<<< HEAD"))

        // Two hand edits: the markers taken out keeping ours, and a note added; then only a note
        // added with the markers still there.
        let oursKept = conflicted.replacingOccurrences(of: #"<<<<<<< [^\n]*\n([\s\S]*?)=======\n[\s\S]*?>>>>>>> [^\n]*\n"#, with: "$1",
                                                       options: .regularExpression)
        for edited in [oursKept + "\nIMPORTANT note\n", conflicted + "\nIMPORTANT note\n"] {
            try GitFixture.write(edited, to: Self.plan, in: ws)
            let resolved = try sandbox.acctplan(["resolve"], in: ws)
            #expect(resolved.status == 1, "\(resolved)")
            #expect(resolved.stdout.hasPrefix("left alone  \(Self.plan): edited since the merge wrote it")
                    && resolved.stdout.contains("acctplan resolve --force \(Self.plan)"), "\(resolved)")
            #expect(GitFixture.read(Self.plan, in: ws) == edited, "the edit is kept")
            #expect(try sandbox.gitOK(["diff", "--name-only", "--diff-filter=U"], in: ws) == Self.plan, "and not staged")
        }

        // git's conflict written again in another style than the merge's (or resolve's): untouched.
        try sandbox.gitOK(["checkout", "--conflict=diff3", Self.plan], in: ws)
        let diff3 = try sandbox.acctplan(["resolve", "--conflict-style", "merge"], in: ws)
        #expect(diff3.status == 0 && diff3.stdout == "merged      \(Self.plan)\n", "\(diff3)")
        // --force merges over an edited file.
        try sandbox.gitOK(["checkout", "-m", Self.plan], in: ws)
        try GitFixture.write(conflicted + "\nIMPORTANT note\n", to: Self.plan, in: ws)
        let forced = try sandbox.acctplan(["resolve", "--force"], in: ws)
        #expect(forced.status == 0 && forced.stdout == "merged      \(Self.plan)\n", "\(forced)")
        #expect(GitFixture.read(Self.plan, in: ws)?.contains("IMPORTANT") == false)
    }

    /// Keeping both sides of one hunk by deleting only its marker lines leaves every other line
    /// as git wrote it: with another hunk still marked, resolve took the file for untouched and
    /// wrote over that resolution (an independent review). The markers' places count too.
    @Test func resolveSeesAHunkWhoseMarkersWereTakenOut() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let plan = "accounts/huaxia-power.md"
        func edit(_ replacements: [(String, String)], _ message: String) throws {
            var text = try #require(GitFixture.read(plan, in: ws))
            for (from, to) in replacements {
                let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(from) })
                text = text.replacingOccurrences(of: line, with: to)
            }
            try GitFixture.write(text, to: plan, in: ws)
            try sandbox.gitOK(["commit", "-qam", message], in: ws)
        }
        try sandbox.gitOK(["checkout", "-q", "-b", "theirs"], in: ws)
        try edit([("name: ", "name: Huaxia Theirs"), ("reviewed: ", "reviewed: 2026-11-02")], "theirs")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try edit([("name: ", "name: Huaxia Ours"), ("reviewed: ", "reviewed: 2026-11-03")], "ours")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "\(merge)")
        let conflicted = try #require(GitFixture.read(plan, in: ws))
        let hunks = conflicted.components(separatedBy: "<<<<<<< ").count - 1
        try #require(hunks >= 2, "another hunk keeps its markers: \(conflicted)")
        // The first hunk's three marker lines deleted (both sides kept), any other left.
        var lines = conflicted.components(separatedBy: "\n")
        let open = try #require(lines.firstIndex { $0.hasPrefix("<<<<<<< ") })
        let middle = try #require(lines[open...].firstIndex { $0 == "=======" })
        let close = try #require(lines[middle...].firstIndex { $0.hasPrefix(">>>>>>> ") })
        for index in [close, middle, open] { lines.remove(at: index) }
        let edited = lines.joined(separator: "\n")
        try GitFixture.write(edited, to: plan, in: ws)
        let resolved = try sandbox.acctplan(["resolve"], in: ws)
        #expect(resolved.stdout.hasPrefix("left alone  \(plan)"), "\(resolved)")
        #expect(GitFixture.read(plan, in: ws) == edited)
    }

    /// In a CRLF checkout (`eol=crlf`) the conflict git writes has CRLF line ends while the
    /// versions in the index have LF: `resolve` took every such file for one edited by hand (a
    /// newcomer trial) — it compared lines as Swift Characters, where "\r\n" is one.
    @Test func resolveMergesAnUntouchedConflictInACRLFCheckout() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let attributes = try #require(GitFixture.read(".gitattributes", in: ws))
        try GitFixture.write(attributes.replacingOccurrences(of: "eol=lf", with: "eol=crlf"), to: ".gitattributes", in: ws)
        try sandbox.gitOK(["commit", "-qam", "CRLF"], in: ws)
        try FileManager.default.removeItem(at: ws.appendingPathComponent(Self.plan))
        try sandbox.gitOK(["checkout", "--", Self.plan], in: ws)
        #expect(try #require(GitFixture.read(Self.plan, in: ws)).contains("\r\n"))
        func edit(_ from: String, _ to: String, _ message: String) throws {
            let text = try #require(GitFixture.read(Self.plan, in: ws))
            #expect(text.contains(from))
            try GitFixture.write(text.replacingOccurrences(of: from, with: to), to: Self.plan, in: ws)
            try sandbox.gitOK(["commit", "-qam", message], in: ws)
        }
        try sandbox.gitOK(["checkout", "-q", "-b", "theirs"], in: ws)
        try edit("| CNY 2.4M  |", "| CNY 2.2M  |", "theirs")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try edit("| CNY 5.2M  |", "| CNY 5.8M  |", "ours 1")
        try edit("| CNY 2.4M  |", "| CNY 2.6M  |", "ours 2")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "\(merge)")
        #expect(try #require(GitFixture.read(Self.plan, in: ws)).contains("<<<<<<< HEAD\r\n"))
        let resolved = try sandbox.acctplan(["resolve"], in: ws)
        #expect(resolved.status == 1, "\(resolved)")
        #expect(resolved.stdout == "conflict    \(Self.plan): 1 conflict left; edit them, then 'git add \(Self.plan)'\n", "\(resolved)")
    }
}
