import Foundation
import Testing

// MARK: - prose

extension DiffLogTests {
/// Issue 11, item 7: a reviewer sees what changed in the prose — the sentence, not a fingerprint —
/// in `acctplan diff` (text, JSON, Markdown), `acctplan log`, and git's own `git diff`, `git log -p`
/// and `git show` through the diff driver that `acctplan hooks install` sets up.
struct Prose {
    static let risks = "\n## Risks\n\nBudget freeze until Q3.\nSAP is pitching to the CFO.\n"
    static let before = DiffFixture.xinan + risks
    static let after = DiffFixture.edit(before, [("Budget freeze until Q3.", "Budget freeze until Q4; the CFO confirmed it.")])

    @Test func aReviewerSeesTheChangedSentence() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.write(Self.before, to: "accounts/xinan-tobacco.md")
        try repo.commit("c1", "Add Xinan", at: "2026-09-01T10:00:00Z")
        // No acctplan on PATH: the driver runs the binary named by --acctplan.
        let path = GitSandbox.gitExecutable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let install = try repo.acctplan(["hooks", "install", "--acctplan", try CLI.binary.get().path], path: path)
        #expect(install.status == 0, "\(install)")
        try repo.write(Self.after, to: "accounts/xinan-tobacco.md")

        let text = try repo.acctplan(["diff"])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text)")
        #expect(text.stdout == """
            accounts/xinan-tobacco.md (account xinan-tobacco, modified)
              prose, Risks:
                - Budget freeze until Q3.
                + Budget freeze until Q4; the CFO confirmed it.

            """, "\(text.stdout)")

        let json = try repo.json(["diff"])
        let prose = try #require(DiffJSON.plan(json, "xinan-tobacco")?["prose"] as? [[String: Any]])
        #expect(prose.count == 1)
        #expect(prose.first?.string("section") == "Risks" && prose.first?.string("status") == "modified")
        #expect(prose.first?["truncated"] as? Bool == false && prose.first?.int("omitted_lines") == 0)
        let lines = (prose.first?["lines"] as? [[String: Any]]) ?? []
        #expect(lines.map { "\($0.string("op") ?? "?")\($0.int("line") ?? 0) \($0.string("text") ?? "?")" }
                == ["-35 Budget freeze until Q3.", "+35 Budget freeze until Q4; the CFO confirmed it."])
        #expect(DiffJSON.plan(json, "xinan-tobacco")?["prose_changed"] as? Bool == true)

        let markdown = try repo.acctplan(["diff", "--format", "markdown"])
        #expect(markdown.stdout.contains("""
            Prose, **Risks**:

            ```diff
            - Budget freeze until Q3.
            + Budget freeze until Q4; the CFO confirmed it.
            ```
            """), "\(markdown.stdout)")

        let runGit = { (args: [String]) throws -> CLI.Output in
            try Launched(GitSandbox.gitExecutable, ["-C", repo.ws.path] + args, in: repo.sandbox.temp.url,
                         environment: repo.sandbox.environment(path: path)).wait()
        }
        // git diff: the external driver, i.e. acctplan's semantic diff.
        let gitDiff = try runGit(["diff", "accounts/xinan-tobacco.md"])
        #expect(gitDiff.status == 0 && gitDiff.stderr.isEmpty, "\(gitDiff)")
        #expect(gitDiff.stdout.contains("- Budget freeze until Q3.") && gitDiff.stdout.contains("+ Budget freeze until Q4; the CFO confirmed it."),
                "\(gitDiff.stdout)")

        try repo.commit("c2", "Risks: the freeze moves", at: "2026-10-01T10:00:00Z")
        // git log -p and git show: git's line diff of the textconv rendering.
        for args in [["log", "-p", "-1"], ["show", "HEAD"]] {
            let shown = try runGit(args)
            #expect(shown.status == 0 && shown.stderr.isEmpty, "\(shown)")
            #expect(shown.stdout.contains("\n-prose ## Risks | Budget freeze until Q3.\n")
                    && shown.stdout.contains("\n+prose ## Risks | Budget freeze until Q4; the CFO confirmed it.\n")
                    && shown.stdout.contains("\n prose ## Risks | SAP is pitching to the CFO.\n"),
                    "git \(args.joined(separator: " ")): \(shown.stdout)")
            #expect(shown.stdout.range(of: #"\n[-+]prose [0-9a-f]+\n"#, options: .regularExpression) == nil,
                    "no fingerprint: \(shown.stdout)")
        }

        let log = try repo.acctplan(["log", "xinan-tobacco"])
        #expect(log.stdout.contains("xinan-tobacco: prose edited (Risks)"), "\(log.stdout)")
    }

    /// The textconv rendering: fields, items, then every prose line named by its part, in file order.
    @Test func textconvPrintsProseLinesByPart() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let plan = """
            ---
            name: Acme
            stage: departmental
            ---
            # Acme

            Acme makes anvils.

            ## Actions

            - [ ] @li-you Call the CFO

            Calls go through the assistant.

            ## 风险

            预算冻结。

            """
        let root = try temp.write(["acme.md": plan])
        let result = try CLI.run(["textconv", root.appendingPathComponent("acme.md").path], in: root)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == """
            name: Acme
            stage: departmental
            actions | Call the CFO | done false; owner li-you
            prose (before the first section) | # Acme
            prose (before the first section) | Acme makes anvils.
            prose ## Actions | Calls go through the assistant.
            prose ## 风险 | ## 风险
            prose ## 风险 | 预算冻结。

            """, "\(result.stdout)")
    }
}
}
