import Foundation
import Testing

/// What acctplan writes is in canonical form (`new`, `init`), and `commit` says when a plan it
/// commits is not.
struct CanonicalFormTests {
    @Test(arguments: [
        ["account", "xinan-tobacco", "--industry", "tobacco", "--manager", "li-you"],
        ["account", "shanghai-tobacco", "--name", "上海烟草集团", "--industry", "tobacco", "--manager", "li-you",
         "--folder", "华东"],
        ["account", "acme-group", "--name", "ACME: \"Group\" #1", "--industry", "tobacco", "--manager", "li-you"],
        ["industry", "energy", "--owner", "li-you"],
        ["industry", "nengyuan", "--name", "能源行业", "--owner", "wang-fang"],
        ["segment", "high-end", "--name", "高端客户", "--owner", "li-you"],
    ])
    func newWritesAPlanThatFmtCheckAccepts(_ args: [String]) throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": FmtTests.canonical], in: temp)
        let before = try CLI.output(["fmt", "--check"], in: root)
        try #require(before.status == 0, "the fixture is canonical: \(before)")

        let created = try CLI.output(["new"] + args, in: root)
        #expect(created.status == 0, "\(created)")
        let check = try CLI.output(["fmt", "--check"], in: root)
        #expect(check.status == 0, "\(args): \(check)")
        #expect(check.stdout.isEmpty, "no plan would change: \(check)")
    }

    @Test func initWritesAWorkspaceThatFmtCheckAccepts() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        let check = try sandbox.acctplan(["fmt", "--check"], in: ws)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.isEmpty, "\(check)")
        // And a plan made by `new` in it too (the template's CI runs `fmt --check`).
        let new = try sandbox.acctplan(["new", "account", "xinan-tobacco", "--name", "新安烟草", "--industry", "tobacco",
                                        "--manager", "li-you"], in: ws)
        #expect(new.status == 0, "\(new)")
        let again = try sandbox.acctplan(["fmt", "--check"], in: ws)
        #expect(again.status == 0, "\(again)")
    }

    static func warning(_ path: String) -> String {
        "acctplan: warning: \(path) is not in canonical form; run 'acctplan fmt \(path)'"
    }

    @Test func commitWarnsAboutACommittedPlanNotInCanonicalFormAndCommitsIt() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/clean.md": FmtTests.canonical])
        let base = try sandbox.head(repo)
        try GitFixture.write(FmtTests.messy, to: "accounts/east/messy.md", in: repo)
        try GitFixture.write(FmtTests.canonical.replacingOccurrences(of: "Acme", with: "Acme Group"),
                             to: "accounts/clean.md", in: repo)
        // Not staged, not committed: not warned about.
        try GitFixture.write(FmtTests.messy, to: "accounts/untracked.md", in: repo)

        let result = try sandbox.acctplan(["commit", "-m", "Messy plan", "accounts/east/messy.md", "accounts/clean.md"]
                                          + GitFixture.asOf, in: repo)
        #expect(result.status == 0, "a warning, not a gate: \(result)")
        #expect(try sandbox.gitOK(["rev-parse", "HEAD~1"], in: repo) == base, "committed: \(result)")
        #expect(try sandbox.gitOK(["show", "HEAD:accounts/east/messy.md"], in: repo) + "\n" == FmtTests.messy,
                "committed as written, not reformatted")
        let warnings = result.stderr.lines.filter { $0.contains("canonical form") }
        #expect(warnings == [Self.warning("accounts/east/messy.md")], "\(result)")
    }

    @Test func commitJudgesTheCommittedVersionNotTheWorkingTree() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/clean.md": FmtTests.canonical])
        let canonical = FmtTests.canonical.replacingOccurrences(of: "Acme", with: "Acme Group")
        try GitFixture.write(canonical, to: "accounts/clean.md", in: repo)
        try sandbox.gitOK(["add", "accounts/clean.md"], in: repo)
        try GitFixture.write(FmtTests.messy, to: "accounts/clean.md", in: repo)

        let result = try sandbox.acctplan(["commit", "-m", "Staged canonical version"] + GitFixture.asOf, in: repo)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("canonical form"), "\(result)")
        #expect(try sandbox.gitOK(["show", "HEAD:accounts/clean.md"], in: repo) + "\n" == canonical)
    }

    @Test func commitCapsTheWarnings() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/clean.md": FmtTests.canonical])
        let names = (1...7).map { "accounts/messy-\($0).md" }
        for name in names { try GitFixture.write(FmtTests.messy, to: name, in: repo) }

        let result = try sandbox.acctplan(["commit", "-m", "Seven messy plans"] + names + GitFixture.asOf, in: repo)
        #expect(result.status == 0, "\(result)")
        let warnings = result.stderr.lines.filter { $0.hasPrefix("acctplan: warning:") }
        #expect(warnings == names.prefix(5).map(Self.warning)
                + ["acctplan: warning: and 2 more plans not in canonical form; run 'acctplan fmt'"], "\(result)")
    }
}
