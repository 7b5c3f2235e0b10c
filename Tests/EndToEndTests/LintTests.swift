import Foundation
import Testing

/// `acctplan lint` on real folders.
struct LintTests {
    @Test func templateWorkspaceIsClean() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let workspace = temp.path("ws")
        try FileManager.default.copyItem(at: CLI.workspaceTemplate, to: workspace)

        let text = try CLI.output(["lint", "--as-of", Fixture.asOf], in: workspace)
        #expect(text.status == 0, "\(text)")
        #expect(!text.stdout.contains(": error: "), "\(text)")

        let json = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: workspace)
        #expect(json.status == 0, "\(json)")
        let object = try JSON.object(json.stdout)
        #expect(object.int("version") == 1)
        #expect(object.string("as_of") == Fixture.asOf)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary.int("errors") == 0)
        #expect((summary.int("files") ?? 0) >= 11, "the template has 11 plans: \(summary)")
        #expect(json.stdout.hasPrefix(#"{"version":1,"as_of":"2026-11-29","diagnostics":["#)
            || json.stdout.hasPrefix(#"{"version": 1, "as_of": "2026-11-29", "diagnostics": ["#),
            "key order version, as_of, diagnostics: \(json.stdout.prefix(80))")
    }

    /// One broken plan, one plan that does not even parse, one good (but stale) plan.
    static func brokenWorkspace(_ temp: TempDir) throws -> URL {
        try Fixture.workspace([
            "accounts/a.md": Fixture.misspeltStage,
            "accounts/b.md": Fixture.account(name: "Bravo", reviewed: "2026-01-05"),
            "accounts/c.md": "---\nname: [unclosed\nindustry: tobacco\n",
        ], in: temp)
    }

    @Test func brokenPlanTextFormat() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.brokenWorkspace(temp)
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(Fixture.misspeltStageLine), "\(result)")
        // The other plans are still reported on.
        #expect(lines.contains { $0.hasPrefix("accounts/b.md:6:") && $0.contains(": warning: ") && $0.hasSuffix("[stale-review]") },
                "\(result)")
        #expect(lines.contains { $0.hasPrefix("accounts/c.md:") && $0.contains(": error: ") && $0.hasSuffix("[front-matter]") },
                "\(result)")
        // Every diagnostic line has the documented shape.
        let shape = try Regex(#"^[^ ]+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$"#)
        for line in lines where line.hasPrefix("accounts/") || line.hasPrefix("industries/") {
            #expect(line.wholeMatch(of: shape) != nil, "line shape: \(line)")
        }
        #expect(!result.stdout.contains("\u{1B}"), "no colour into a pipe")
    }

    @Test func brokenPlanJSONIsSortedAndCounted() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.brokenWorkspace(temp)
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(result.status == 1, "\(result)")
        let object = try JSON.object(result.stdout)
        #expect(object.int("version") == 1)
        #expect(object.string("as_of") == Fixture.asOf)
        let diagnostics = try JSON.diagnostics(result.stdout)
        let keys = diagnostics.map { ($0.string("path") ?? "", $0.int("line") ?? 0) }
        let sorted = keys.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(keys.map { "\($0.0):\($0.1)" } == sorted.map { "\($0.0):\($0.1)" }, "sorted by path, then line")
        #expect(Set(keys.map(\.0)).isSuperset(of: ["accounts/a.md", "accounts/b.md", "accounts/c.md"]))
        let stage = diagnostics.first { $0.string("rule") == "unknown-stage" }
        #expect(stage?.string("path") == "accounts/a.md")
        #expect(stage?.int("line") == 5)
        #expect(stage?.int("column") == 8)
        #expect(stage?.string("severity") == "error")
        #expect(stage?.string("message") == "unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?)")
        let text = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(stage?.string("hint").map { text.stdout.contains("[unknown-stage]\n  hint: \($0)\n") } == true,
                "the hint of the text output: \(stage ?? [:])")
        for diagnostic in diagnostics {
            #expect(Set(diagnostic.keys) == ["path", "line", "column", "severity", "rule", "message", "hint"])
            #expect(diagnostic["hint"] is String || diagnostic["hint"] is NSNull, "a text or null: \(diagnostic)")
        }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary.int("files") == 4, "3 accounts and 1 industry: \(summary)")
        #expect(summary.int("errors") == diagnostics.filter { $0.string("severity") == "error" }.count)
        #expect(summary.int("warnings") == diagnostics.filter { $0.string("severity") == "warning" }.count)
        #expect((summary.int("errors") ?? 0) >= 2)
    }

    @Test func brokenPlanGitHubAndSARIF() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.brokenWorkspace(temp)
        let github = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "github"], in: root)
        #expect(github.status == 1, "\(github)")
        let lines = github.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file="), "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("::error file=accounts/a.md,line=5,col=8,") && $0.contains("::unknown lifecycle stage 'industy-solution'") },
                "\(github)")
        #expect(lines.contains { $0.hasPrefix("::warning file=accounts/b.md,") }, "\(github)")

        let sarif = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "sarif"], in: root)
        #expect(sarif.status == 1, "\(sarif)")
        let object = try JSON.object(sarif.stdout)
        #expect(object.string("version") == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0.string("ruleId") == "unknown-stage" && $0.string("level") == "error" })
        #expect(results.contains { $0.string("ruleId") == "stale-review" && $0.string("level") == "warning" })

        let json = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(results.count == (try JSON.diagnostics(json.stdout)).count, "SARIF and JSON report the same problems")
    }

    @Test func columnsCountCharactersAndBOMAndCRLFAreAccepted() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let cjk = Fixture.account(name: "上海烟草").replacingOccurrences(of: "| Zhou Ming | decision-maker |", with: "| 周明 | decider |")
        let root = try Fixture.workspace(["accounts/cjk.md": cjk], in: temp)
        let bomCRLF = "\u{FEFF}" + Fixture.misspeltStage.replacingOccurrences(of: "\n", with: "\r\n")
        try Data(bomCRLF.utf8).write(to: root.appendingPathComponent("accounts/a.md"))
        // Not UTF-8 at all: reported, and the other plans still are.
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0xC3, 0x28, 0x0A]).write(to: root.appendingPathComponent("accounts/bin.md"))

        let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(result.status == 1, "\(result)")
        let diagnostics = try JSON.diagnostics(result.stdout)
        // `| 周明 | decider |`: 'decider' starts at character 8 (byte 12).
        let role = diagnostics.first { $0.string("path") == "accounts/cjk.md" && $0.string("rule") == "invalid-value" }
        #expect(role?.int("line") == 14, "\(result)")
        #expect(role?.int("column") == 8, "\(result)")
        let stage = diagnostics.first { $0.string("path") == "accounts/a.md" && $0.string("rule") == "unknown-stage" }
        #expect(stage?.int("line") == 5 && stage?.int("column") == 8, "BOM and CRLF do not shift positions: \(result)")
        #expect(!diagnostics.contains { $0.string("path") == "accounts/a.md" && $0.string("rule") != "unknown-stage" },
                "only the stage is wrong in a.md: \(result)")
        #expect(diagnostics.contains { $0.string("path") == "accounts/bin.md" && $0.string("severity") == "error" }, "\(result)")
    }

    @Test func invalidConfigurationIsReported() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account()], in: temp)
        try Data((Fixture.config + "rules:\n  stale-review: loud\n").utf8).write(to: root.appendingPathComponent("acctplan.yml"))
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(result.status == 1, "\(result)")
        #expect(try JSON.diagnostics(result.stdout).contains {
            $0.string("path") == "acctplan.yml" && $0.string("rule") == "config" && $0.string("severity") == "error"
        }, "\(result)")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/old.md": Fixture.account(reviewed: "2026-01-05")], in: temp)
        let plain = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(plain.status == 0, "warnings only: \(plain)")
        #expect(plain.stdout.contains("[stale-review]"), "\(plain)")
        let strict = try CLI.output(["lint", "--as-of", Fixture.asOf, "--strict"], in: root)
        #expect(strict.status == 1, "\(strict)")
        // Without any warning --strict still passes.
        let fresh = try CLI.output(["lint", "--as-of", "2026-02-01", "--strict"], in: root)
        #expect(fresh.status == 0, "\(fresh)")
    }

    @Test func configRulesChangeSeverities() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let plans = ["accounts/old.md": Fixture.account(reviewed: "2026-01-05"), "accounts/a.md": Fixture.misspeltStage]

        let asError = try Fixture.workspace(plans, in: temp, under: "error")
        try Data((Fixture.config + "rules:\n  stale-review: error\n  unknown-stage: warning\n").utf8)
            .write(to: asError.appendingPathComponent("acctplan.yml"))
        let errorRun = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: asError)
        let errorDiagnostics = try JSON.diagnostics(errorRun.stdout)
        #expect(errorDiagnostics.contains { $0.string("rule") == "stale-review" && $0.string("severity") == "error" }, "\(errorRun)")
        #expect(errorDiagnostics.contains { $0.string("rule") == "unknown-stage" && $0.string("severity") == "warning" }, "\(errorRun)")
        #expect(errorRun.status == 1, "stale-review is now an error: \(errorRun)")

        let off = try Fixture.workspace(plans, in: temp, under: "off")
        try Data((Fixture.config + "rules:\n  stale-review: off\n  unknown-stage: off\n").utf8)
            .write(to: off.appendingPathComponent("acctplan.yml"))
        let offRun = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: off)
        let offDiagnostics = try JSON.diagnostics(offRun.stdout)
        #expect(!offDiagnostics.contains { $0.string("rule") == "stale-review" }, "\(offRun)")
        #expect(!offDiagnostics.contains { $0.string("rule") == "unknown-stage" }, "\(offRun)")
        #expect(offRun.status == 0, "\(offRun)")
    }

    @Test func disableCommentInOneFile() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace([
            "accounts/quiet.md": Fixture.account(reviewed: "2026-01-05", extra: "\n<!-- acctplan-disable stale-review -->\n"),
            "accounts/loud.md": Fixture.account(reviewed: "2026-01-05"),
        ], in: temp)
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        let stale = try JSON.diagnostics(result.stdout).filter { $0.string("rule") == "stale-review" }
        #expect(stale.map { $0.string("path") ?? "" } == ["accounts/loud.md"], "\(result)")
        #expect(result.status == 0, "\(result)")
    }

    @Test func pathsNarrowTheReport() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace([
            "accounts/a.md": Fixture.misspeltStage,
            "accounts/b.md": Fixture.account(name: "Bravo", reviewed: "2026-01-05"),
        ], in: temp)
        let narrowed = try CLI.output(["lint", "accounts/b.md", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(narrowed.status == 0, "a.md's error is out of scope: \(narrowed)")
        let diagnostics = try JSON.diagnostics(narrowed.stdout)
        #expect(Set(diagnostics.compactMap { $0.string("path") }) == ["accounts/b.md"], "\(narrowed)")
        let summary = try #require(try JSON.object(narrowed.stdout)["summary"] as? [String: Any])
        #expect(summary.int("files") == 1, "\(summary)")

        let text = try CLI.output(["lint", "accounts/b.md", "--as-of", Fixture.asOf], in: root)
        #expect(!text.stdout.contains("accounts/a.md"), "\(text)")
        #expect(text.stdout.contains("accounts/b.md:"), "\(text)")

        let folder = try CLI.output(["lint", "accounts", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(folder.status == 1, "\(folder)")
        #expect(Set(try JSON.diagnostics(folder.stdout).compactMap { $0.string("path") }) == ["accounts/a.md", "accounts/b.md"])
    }

    @Test func crossPlanRulesSeeTheWholeWorkspace() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace([
            "accounts/x/a.md": Fixture.account(name: "Ax"),
            "accounts/y/a.md": Fixture.account(name: "Ay"),
            "accounts/d.md": Fixture.account(name: "Delta", industry: "tobacco"),
            "accounts/e.md": Fixture.account(name: "Echo", industry: "tobaco"),
        ], in: temp)

        let duplicate = try CLI.output(["lint", "accounts/y/a.md", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(duplicate.status == 1, "\(duplicate)")
        let found = try JSON.diagnostics(duplicate.stdout)
        #expect(found.contains { $0.string("rule") == "duplicate-id" && $0.string("path") == "accounts/y/a.md"
            && ($0.string("message") ?? "").contains("accounts/x/a.md") }, "\(duplicate)")
        #expect(found.allSatisfy { $0.string("path") == "accounts/y/a.md" })

        // The industry plan is outside the scope but still known.
        let known = try CLI.output(["lint", "accounts/d.md", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(known.status == 0, "\(known)")
        #expect(try JSON.diagnostics(known.stdout).isEmpty, "\(known)")

        let unknown = try CLI.output(["lint", "accounts/e.md", "--as-of", Fixture.asOf], in: root)
        #expect(unknown.stdout.contains(
            "accounts/e.md:3:11: warning: industry 'tobaco' has no plan (did you mean 'tobacco'?) [unknown-reference]"),
            "\(unknown)")
    }

    @Test func missingPathIsExit2WithOneLine() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account()], in: temp)
        let result = try CLI.output(["lint", "accounts/nope.md", "--as-of", Fixture.asOf], in: root)
        #expect(result.status == 2, "\(result)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "one line on stderr: \(result)")
        #expect(result.stderr.contains("accounts/nope.md"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func findsTheWorkspaceFromASubFolder() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace([
            "accounts/a.md": Fixture.misspeltStage,
            "accounts/east/b.md": Fixture.account(name: "Bravo", reviewed: "2026-01-05"),
        ], in: temp, under: "repo/plans")
        let east = root.appendingPathComponent("accounts/east")
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: east)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(Fixture.misspeltStageLine), "paths are relative to the workspace root: \(result)")

        // A PATH is relative to the current folder.
        let here = try CLI.output(["lint", "b.md", "--as-of", Fixture.asOf, "--format", "json"], in: east)
        #expect(here.status == 0, "\(here)")
        #expect(Set(try JSON.diagnostics(here.stdout).compactMap { $0.string("path") }) == ["accounts/east/b.md"], "\(here)")
    }

    @Test func explicitWorkspaceOption() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.misspeltStage], in: temp, under: "ws")
        let elsewhere = temp.path("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let relative = try CLI.output(["lint", "--workspace", "../ws", "--as-of", Fixture.asOf], in: elsewhere)
        #expect(relative.status == 1, "\(relative)")
        #expect(relative.stdout.contains(Fixture.misspeltStageLine), "\(relative)")
        let absolute = try CLI.output(["lint", "--workspace", root.path, "--as-of", Fixture.asOf, "--format", "json"], in: elsewhere)
        #expect(absolute.status == 1, "\(absolute)")
        #expect(try JSON.diagnostics(absolute.stdout).contains { $0.string("rule") == "unknown-stage" })
        let missing = try CLI.output(["lint", "--workspace", temp.path("nope").path, "--as-of", Fixture.asOf], in: elsewhere)
        #expect(missing.status == 2, "\(missing)")
    }

    @Test func noWorkspaceAnywhere() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let result = try CLI.output(["lint"], in: temp.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("acctplan.yml"), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one clear line: \(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test(arguments: [
        ["lint", "--format", "xml"],
        ["lint", "--as-of", "2026-13-01"],
        ["lint", "--as-of", "29.11.2026"],
        ["lint", "--no-such-flag"],
        ["frobnicate"],
    ])
    func badArgumentsExit2(_ args: [String]) throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account()], in: temp)
        let result = try CLI.output(args, in: root)
        #expect(result.status == 2, "\(args): \(result)")
        #expect(!result.stderr.isEmpty, "says why on stderr: \(result)")
    }

    @Test func colourNeverIntoAPipeNorWithNoColor() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.misspeltStage], in: temp)
        for env in [[:], ["NO_COLOR": "1"]] as [[String: String]] {
            let lint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root, env: env)
            #expect(lint.status == 1)
            #expect(!lint.stdout.contains("\u{1B}") && !lint.stderr.contains("\u{1B}"), "\(env): \(lint)")
            let show = try CLI.output(["show", "a"], in: root, env: env)
            #expect(!show.stdout.contains("\u{1B}") && !show.stderr.contains("\u{1B}"), "\(env): \(show)")
        }
    }

    @Test func colourOnATerminalUnlessNoColor() throws {
        // `script` gives the child a pseudo-terminal; skip where it is not available.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path), let binary = try? CLI.binary.get() else { return }
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.misspeltStage], in: temp)
        func viaTerminal(_ env: [String: String]) throws -> String {
            let command = "'\(binary.path)' lint --as-of \(Fixture.asOf)"
            let result = try CLI.runProgram(script, ["-qec", command, "/dev/null"], in: root, env: env)
            return result.stdout
        }
        let coloured = try viaTerminal([:])
        #expect(coloured.contains("\u{1B}["), "colour on a terminal: \(coloured.debugDescription)")
        let plain = try viaTerminal(["NO_COLOR": "1"])
        #expect(plain.contains("industy-solution"), "\(plain.debugDescription)")
        #expect(!plain.contains("\u{1B}["), "NO_COLOR on a terminal: \(plain.debugDescription)")
    }
}

/// Files over the size limits, on disk and in git: one located diagnostic, never read in full.
struct SizeLimitTests {
    /// A sparse file of 6 GiB (no disk space used): read in full it would need 6 GB of memory.
    @Test func aHugePlanOnDiskIsRefusedFromItsSize() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account()], in: temp)
        let huge = root.appendingPathComponent("accounts/dump.md")
        try Data().write(to: huge)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 6 << 30)
        try handle.close()
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.hasPrefix("""
            accounts/dump.md:1:1: error: plan is 6442450944 bytes; the limit is 4194304 bytes (4 MiB) [too-large]
              hint: split the plan or move attachments out of the workspace
            1 error, 0 warnings in 3 files
            """), "\(result)")
    }

    @Test func aPlanOverFourMebibytesInGitIsRefused() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let big = Fixture.account(name: "Big", extra: String(repeating: "A long note about the account.\n", count: 140_000))
        #expect(big.utf8.count > 4 << 20)
        let repo = try sandbox.repository(accounts: ["accounts/a.md": Fixture.account(), "accounts/big.md": big])
        let result = try sandbox.acctplan(["lint", "--rev", "HEAD"] + GitFixture.asOf, in: repo)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.hasPrefix(
            "accounts/big.md:1:1: error: plan is \(big.utf8.count) bytes; the limit is 4194304 bytes (4 MiB) [too-large]\n"),
            "\(result)")
    }
}

/// A git tree nested thousands of folders deep (git can store one; no file system can check it
/// out): read through git, folders below 64 levels are reported, not entered. Read in full, a
/// tree 100,000 deep crashed acctplan (stack overflow).
struct FolderDepthTests {
    @Test func foldersNestedDeeperThanSixtyFourAreReportedNotRead() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = sandbox.temp.path("repo")
        try sandbox.temp.write(["repo/acctplan.yml": Fixture.config])
        try sandbox.gitOK(["init", "-q"], in: repo)
        let deep = "accounts/" + String(repeating: "d/", count: 3_000) + "deep.md"
        let shallow = "accounts/" + String(repeating: "s/", count: 10) + "acme.md"
        var stream = "commit refs/heads/main\ncommitter Test <test@example.com> 1764400000 +0800\ndata 4\ndeep\n"
        for (path, text) in [("acctplan.yml", Fixture.config), ("industries/tobacco.md", Fixture.tobacco),
                             (shallow, Fixture.account()), (deep, Fixture.account(name: "Deep"))] {
            stream += "M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n"
        }
        let streamFile = sandbox.temp.path("stream")
        try Data(stream.utf8).write(to: streamFile)
        let imported = try Launched(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec git fast-import --quiet < \"$1\"", "sh", streamFile.path],
                                    in: repo, environment: sandbox.environment()).wait()
        try #require(imported.status == 0, "\(imported)")

        let result = try sandbox.acctplan(["lint", "--rev", "main", "--format", "json"] + GitFixture.asOf, in: repo)
        #expect(result.status == 1, "\(result.stderr)")
        let diagnostics = try JSON.diagnostics(result.stdout)
        #expect(diagnostics.map { "\($0.string("path") ?? "") \($0.int("line") ?? 0):\($0.int("column") ?? 0) \($0.string("rule") ?? "")" }
                == ["accounts" + String(repeating: "/d", count: 64) + " 1:1 too-large"])
        #expect(diagnostics.first?.string("message") == "folder not read: it is nested more than 64 folders deep")
        let shown = try sandbox.acctplan(["show", "acme", "--rev", "main"], in: repo)
        #expect(shown.status == 0, "the plan ten folders down is read: \(shown)")
        let trend = try sandbox.acctplan(["rollup", "--rev", "main", "--since", "main", "--trend", "monthly"] + GitFixture.asOf, in: repo)
        #expect(trend.status == 0, "\(trend)")
    }
}

/// An acctplan.yml that cannot be read (not YAML) is judged as a conflicted one is: lint reports
/// its error and nothing else — a second newcomer trial saw fine plans get `unknown-currency`
/// and `unknown-field` errors under the defaults — and nothing is computed with the defaults.
struct UnreadableConfigTests {
    @Test func lintReportsOnlyTheConfigErrorAndTheReadersStop() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let broken = Fixture.config.replacingOccurrences(of: "fx: {USD: 7.1}", with: "fx: [USD: 7.1")
        #expect(broken != Fixture.config)
        let plan = Fixture.account(name: "Acme", extra: "\n## Opportunities\n\n| ID | Name | Stage | Amount | Close |\n|---|---|---|---|---|\n"
                                    + "| opp-a | A | qualify | USD 1M | 2027-05-15 |\n")
        let root = try Fixture.workspace(["accounts/acme.md": plan], in: temp)
        let clean = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(clean.status == 0 && !clean.stdout.contains("unknown-currency"), "USD has its rate: \(clean.stdout)")
        try Data(broken.utf8).write(to: root.appendingPathComponent("acctplan.yml"))
        let lint = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(lint.status == 1, "\(lint)")
        let findings = lint.stdout.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(findings.count == 1 && findings[0].hasPrefix("acctplan.yml:") && findings[0].hasSuffix("[config]"), "\(lint.stdout)")
        // Narrowed to paths, it does not pass either (a review found `lint accounts` at exit 0).
        for paths in [["accounts"], ["accounts/acme.md"]] {
            let narrowed = try CLI.output(["lint", "--as-of", Fixture.asOf] + paths, in: root)
            #expect(narrowed.status == 1 && narrowed.stdout.contains("acctplan.yml:") && narrowed.stdout.contains("[config]"), "\(paths): \(narrowed)")
        }
        let fmt = try CLI.output(["fmt"], in: root)
        #expect(fmt.status == 2 && fmt.stderr.contains("acctplan.yml cannot be read (line ") && fmt.stderr.contains("nothing was formatted"), "\(fmt)")
        for command in [["rollup"], ["query", "accounts"], ["show", "acme"]] {
            let result = try CLI.output(command + (command[0] == "rollup" ? ["--as-of", Fixture.asOf] : []), in: root)
            #expect(result.status == 2 && result.stderr.contains("acctplan.yml cannot be read (line ")
                    && result.stderr.contains("nothing is computed with default settings"), "\(command): \(result)")
        }
    }
}
