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
}
