import Foundation
import Testing

/// GitHub annotations and SARIF name files from the repository's top, where GitHub looks for
/// them, also when the workspace is a sub-folder of the repository (a monorepository).
struct CIOutputPathTests {
    @Test func annotationsAndSARIFUseRepositoryPathsInASubFolderWorkspace() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = sandbox.temp.path("mono")
        _ = try Fixture.workspace(["accounts/Wind Farm 100%.md": GitFixture.brokenAcme], in: sandbox.temp, under: "mono/plans")
        try sandbox.gitOK(["init", "-q"], in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Plans"], in: repo)
        let plans = repo.appendingPathComponent("plans")

        for source in [[], ["--rev", "HEAD"], ["--staged"]] {
            let github = try sandbox.acctplan(["lint", "--format", "github"] + source + GitFixture.asOf, in: plans)
            #expect(github.status == 1, "\(github)")
            #expect(github.stdout.contains("::error file=plans/accounts/Wind Farm 100%25.md,line=5,col=8,title=acctplan unknown-stage::"),
                    "\(source): \(github)")
            let sarif = try sandbox.acctplan(["lint", "--format", "sarif"] + source + GitFixture.asOf, in: plans)
            let object = try JSON.object(sarif.stdout)
            let run = try #require((object["runs"] as? [[String: Any]])?.first)
            let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
            #expect(base?["uri"] as? String == "file://" + repo.path + "/", "\(source): \(String(describing: base))")
            let uris = Set(try #require(run["results"] as? [[String: Any]]).compactMap {
                ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                    as? [String: Any])?["uri"] as? String
            })
            #expect(uris == ["plans/accounts/Wind%20Farm%20100%25.md"], "\(source): \(uris)")
        }
        // Text and JSON keep workspace-relative paths, as documented.
        let text = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: plans)
        #expect(text.stdout.hasPrefix("accounts/Wind Farm 100%.md:1:1: error:"), "\(text)")
    }
}
