import Foundation
import Testing

/// How `acctplan merge-driver` reads its arguments and git's configuration: git's usual call is
/// read by hand (a fast path), everything else by ArgumentParser; both must mean the same.
struct MergeDriverArgumentTests {
    static let base = """
        ---
        name: Acme
        industry: tobacco
        stage: departmental
        manager: li-you
        ---

        ## Opportunities

        | ID      | Name | Stage     | Amount | Close      |
        | ------- | ---- | --------- | ------ | ---------- |
        | opp-erp | ERP  | negotiate | 2.4M   | 2027-03-31 |

        """

    /// base, ours (amount 2.6M) and theirs (2.0M): one same-cell conflict.
    static func files(_ sandbox: GitSandbox) throws -> URL {
        let dir = sandbox.temp.path("files")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(base.utf8).write(to: dir.appendingPathComponent("base.md"))
        try Data(base.replacingOccurrences(of: "2.4M", with: "2.6M").utf8).write(to: dir.appendingPathComponent("ours.md"))
        try Data(base.replacingOccurrences(of: "2.4M", with: "2.0M").utf8).write(to: dir.appendingPathComponent("theirs.md"))
        return dir
    }

    /// In a workspace whose acctplan.yml says `language: zh-CN`, the driver's lines on stderr
    /// are Chinese like the rest of acctplan's (they were always English).
    @Test func theDriversLinesFollowTheWorkspaceLanguage() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let dir = try Self.files(sandbox)
        try Data("version: 1\nlanguage: zh-CN\n".utf8).write(to: dir.appendingPathComponent("acctplan.yml"))
        let run = try sandbox.acctplan(["merge-driver", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(run.status == 1 && run.stderr == "acctplan merge-driver: accounts/acme.md：剩余 1 处冲突待解决\n", "\(run)")
        // A side that is no plan: merged line by line, and why, in Chinese.
        try Data("no front matter\n".utf8).write(to: dir.appendingPathComponent("ours.md"))
        let lines = try sandbox.acctplan(["merge-driver", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(lines.stderr.hasPrefix("acctplan merge-driver: accounts/acme.md：") && lines.stderr.contains("；已逐行合并\n")
                && !lines.stderr.contains("merged line by line"), "\(lines)")
    }

    @Test(arguments: [
        ["merge-driver", "--marker-size", "9", "--ours-label", "mine", "--conflict-style", "diff3", "base.md", "ours.md", "theirs.md", "accounts/acme.md"],
        ["merge-driver", "base.md", "ours.md", "theirs.md", "accounts/acme.md", "--marker-size=9", "--ours-label=mine", "--conflict-style=diff3"],
        // Not the usual form (an option the hand reader does not know: `--`): ArgumentParser's way.
        ["merge-driver", "--marker-size", "9", "--ours-label", "mine", "--conflict-style", "diff3", "--", "base.md", "ours.md", "theirs.md", "accounts/acme.md"],
    ])
    func optionsInAnyFormMeanTheSame(arguments: [String]) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let dir = try Self.files(sandbox)
        let run = try sandbox.acctplan(arguments, in: dir)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("accounts/acme.md: 1 conflict left to resolve"), "\(run)")
        let merged = try String(contentsOf: dir.appendingPathComponent("ours.md"), encoding: .utf8)
        #expect(merged.contains("""
            <<<<<<<<< mine
            | opp-erp | ERP  | negotiate | 2.6M   | 2027-03-31 |
            ||||||||| base
            | opp-erp | ERP  | negotiate | 2.4M   | 2027-03-31 |
            =========
            | opp-erp | ERP  | negotiate | 2.0M   | 2027-03-31 |
            >>>>>>>>> theirs
            """), "\(merged)")
    }

    @Test func unusualCallsGetArgumentParsersMessages() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let dir = try Self.files(sandbox)
        let unknown = try sandbox.acctplan(["merge-driver", "--bogus", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(unknown.status == 2, "\(unknown)")
        #expect(unknown.stderr.contains("--bogus"), "\(unknown)")
        let badSize = try sandbox.acctplan(["merge-driver", "--marker-size", "seven", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(badSize.status == 2, "\(badSize)")
        #expect(badSize.stderr.contains("seven"), "\(badSize)")
        let help = try sandbox.acctplan(["merge-driver", "--help"], in: dir)
        #expect(help.status == 0 && help.stdout.contains("USAGE: acctplan merge-driver"), "\(help)")
        // Three files: the path defaults (ArgumentParser's way), and the merge still runs.
        let three = try sandbox.acctplan(["merge-driver", "base.md", "ours.md", "theirs.md"], in: dir)
        #expect(three.status == 1 && three.stderr.contains("1 conflict left to resolve"), "\(three)")
    }

    /// git's `merge.conflictStyle` is read (only) when a conflict remains: diff3 shows the base.
    @Test func gitsConflictStyleShapesTheConflict() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let dir = try Self.files(sandbox)
        try sandbox.gitOK(["init", "-q", "."], in: dir)
        try sandbox.gitOK(["config", "merge.conflictStyle", "diff3"], in: dir)
        let run = try sandbox.acctplan(["merge-driver", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(run.status == 1, "\(run)")
        let merged = try String(contentsOf: dir.appendingPathComponent("ours.md"), encoding: .utf8)
        #expect(merged.contains("<<<<<<< ours\n| opp-erp | ERP  | negotiate | 2.6M   | 2027-03-31 |\n||||||| base\n| opp-erp | ERP  | negotiate | 2.4M   |"), "\(merged)")
        // A clean merge in the same repository: no markers, whatever the style.
        try Data(Self.base.utf8).write(to: dir.appendingPathComponent("ours.md"))
        let clean = try sandbox.acctplan(["merge-driver", "base.md", "ours.md", "theirs.md", "accounts/acme.md"], in: dir)
        #expect(clean.status == 0, "\(clean)")
        #expect(try String(contentsOf: dir.appendingPathComponent("ours.md"), encoding: .utf8) == Self.base.replacingOccurrences(of: "2.4M", with: "2.0M"))
    }
}
