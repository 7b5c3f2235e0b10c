import Foundation
import Testing

/// Prose in review: a reviewer sees the sentence that changed in the risks or service notes, in
/// `acctplan diff` (text, Markdown, JSON), `acctplan log`, and git's own `git log -p`.
struct ProseReviewTests {
    static func acme(risk: String) -> String {
        GitFixture.acme("## Risks\n\n\(risk)\nThe CIO retires in June.\n\n## Service notes\n\nMonthly visits.")
    }

    @Test func theChangedSentenceIsShownEverywhereAReviewerLooks() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/acme.md": Self.acme(risk: "Budget freeze until March.")])
        try GitFixture.write(Self.acme(risk: "Budget freeze until May."), to: "accounts/acme.md", in: repo)

        let text = try sandbox.acctplan(["diff"], in: repo)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("  prose, Risks:\n    - Budget freeze until March.\n    + Budget freeze until May.\n"), "\(text)")
        #expect(!text.stdout.contains("Service notes") && !text.stdout.contains("retires"), "unchanged prose is not shown: \(text)")

        let markdown = try sandbox.acctplan(["diff", "--format", "markdown"], in: repo)
        #expect(markdown.stdout.contains("Prose, **Risks**:\n\n```diff\n- Budget freeze until March.\n+ Budget freeze until May.\n```\n"),
                "\(markdown)")

        let json = try sandbox.acctplan(["diff", "--format", "json"], in: repo)
        let plans = try #require(try JSON.object(json.stdout)["plans"] as? [[String: Any]])
        let prose = try #require(plans.first?["prose"] as? [[String: Any]])
        #expect(prose.first?["section"] as? String == "Risks" && prose.first?["status"] as? String == "modified")
        let lines = try #require(prose.first?["lines"] as? [[String: Any]])
        #expect(lines.map { "\($0["op"] ?? "") \($0["text"] ?? "")" } == ["- Budget freeze until March.", "+ Budget freeze until May."])
        #expect(plans.first?["prose_changed"] as? Bool == true)

        // Committed, with the driver installed: git log -p shows the sentence, and so does acctplan log.
        let bin = try sandbox.bin(copy: false)
        let path = bin.path + ":" + GitSandbox.inheritedPath
        let attributes = try Data(contentsOf: CLI.workspaceTemplate.appendingPathComponent(".gitattributes"))
        try attributes.write(to: repo.appendingPathComponent(".gitattributes"))
        #expect(try sandbox.acctplan(["hooks", "install"], in: repo, path: path).status == 0)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Budget news"], in: repo, path: path)
        let log = try sandbox.git(["log", "-p", "-1", "--", "accounts/acme.md"], in: repo, path: path)
        #expect(log.stdout.contains("-prose ## Risks | Budget freeze until March.") && log.stdout.contains("+prose ## Risks | Budget freeze until May."),
                "\(log)")
        #expect(!log.stdout.contains("+prose ## Service notes"), "\(log)")
        let history = try sandbox.acctplan(["log", "acme"], in: repo)
        #expect(history.stdout.contains("prose edited (Risks)"), "\(history)")
    }
}
