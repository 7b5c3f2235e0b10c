import Foundation
import PlanLanguageServer
import Testing

/// The server in-process, over real workspaces in temporary folders, driven by framed messages.
struct LanguageServerTests {
    @Test func negotiatesUTF8WhenOfferedElseUTF16() throws {
        let session = try LSPSession()
        let utf8 = session.run([session.initialize(utf8: true)]).messages.response(1)
        #expect(utf8?["result"]?["capabilities"]?["positionEncoding"] == "utf-8")
        let utf16 = session.run([session.initialize()]).messages.response(1)
        #expect(utf16?["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(utf16?["result"]?["capabilities"]?["textDocumentSync"]?["change"] == 2)
    }

    @Test func diagnosticsAppearAndDisappearAsThePlanIsEdited() throws {
        let session = try LSPSession()
        let typo = LSPSession.acme.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", typo, version: 1),
            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"],
        ]).messages
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        let first = try #require(published.first?["diagnostics"]?[0])
        #expect(first["code"] == "unknown-stage")
        #expect(first["source"] == "acctplan")
        #expect(first["severity"] == 1)
        #expect(first["message"]?.string?.contains("'departmentl'") == true, "\(first)")
        #expect(first["message"]?.string?.contains("did you mean 'departmental'") == true)
        #expect(first["range"] == ["start": ["line": 3, "character": 7], "end": ["line": 3, "character": 18]])
        #expect(first["codeDescription"]?["href"]?.string?.hasSuffix("docs/rules.md#unknown-stage") == true)

        // Fixing the typo with an incremental edit (insert "a" at line 3, character 17) clears them.
        let fixed = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", typo, version: 1),
            session.change("accounts/acme.md", version: 2, text: "a", range: ((3, 17), (3, 17))),
        ]).messages.diagnostics(session.uri("accounts/acme.md"))
        #expect(fixed.last?["version"] == 2)
        #expect(fixed.last?["diagnostics"] == [])
    }

    @Test func aBurstOfEditsIsCheckedOnceAtItsLatestVersion() throws {
        let session = try LSPSession()
        var messages: [Any] = [session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", LSPSession.acme)]
        for version in 2...6 {
            messages.append(session.change("accounts/acme.md", version: version,
                                           text: LSPSession.acme.replacingOccurrences(of: "li-you", with: "nobody-\(version)")))
        }
        let published = session.run(messages).messages.diagnostics(session.uri("accounts/acme.md"))
        #expect(published.count == 1)
        #expect(published.first?["version"] == 6)
        #expect(published.first?["diagnostics"]?[0]?["message"]?.string?.contains("nobody-6") == true)
    }

    @Test func crossPlanRulesSeePlansThatAreNotOpenAndOnesThatAreNew() throws {
        let session = try LSPSession()
        let elsewhere = LSPSession.acme.replacingOccurrences(of: "industry: tobacco", with: "industry: energy")
        let before = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", elsewhere),
        ]).messages.diagnostics(session.uri("accounts/acme.md"))
        // The energy plan does not exist: the account's industry is unknown.
        #expect(before.last?["diagnostics"]?.array?.contains { $0["code"] == "unknown-reference" } == true, "\(before)")
        // Opened in the editor (never saved), it exists for the account at once.
        let after = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", elsewhere),
            session.open("industries/energy.md", LSPSession.tobacco.replacingOccurrences(of: "Tobacco", with: "Energy")),
        ]).messages
        #expect(after.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"] == [])
        // And the new industry plan is checked against its members, the account among them.
        let energy = after.diagnostics(session.uri("industries/energy.md")).last?["diagnostics"]?.array ?? []
        #expect(energy.map { $0["code"] } == ["target-gap"])
        #expect(energy.first?["message"]?.string?.hasPrefix("revenue target 10000000 CNY is 10000000 above the members' planned 0") == true)
    }

    @Test func formattingGivesExactlyWhatFmtWrites() throws {
        let session = try LSPSession()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/formatting", "accounts/acme.md"),
            session.open("accounts/broken.md", "# no front matter\n"),
            session.request(3, "textDocument/formatting", "accounts/broken.md"),
        ]).messages
        let edit = try #require(out.response(2)?["result"]?[0])
        let lastLine = LSPSession.acme.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(edit["range"] == ["start": ["line": 0, "character": 0], "end": ["line": .int(lastLine), "character": 0]])
        #expect(edit["newText"]?.string?.contains("""
            | ID    | Name    | Stage   | Amount   | Probability | Close      |
            | ----- | ------- | ------- | -------- | ----------- | ---------- |
            | opp-a | Rollout | propose | USD 100k |             | 2027-03-31 |
            """) == true)
        #expect(out.response(3)?["result"] == [])
        #expect(out.contains { $0["method"] == "window/showMessage" && $0["params"]?["message"]?.string?.contains("accounts/broken.md is not formatted") == true })
    }

    /// While acctplan.yml cannot be read, `acctplan fmt` formats nothing; the editor's
    /// formatting did, with the default settings (a second newcomer trial).
    @Test func formattingRefusesWhileAcctplanYmlCannotBeRead() throws {
        let session = try LSPSession()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.open("acctplan.yml", "version: 1\ncurrency: [CNY\n"),
            session.request(2, "textDocument/formatting", "accounts/acme.md"),
        ]).messages
        #expect(out.response(2)?["result"] == [])
        #expect(out.contains { $0["method"] == "window/showMessage"
            && $0["params"]?["message"]?.string?.hasPrefix("acctplan: accounts/acme.md is not formatted: acctplan.yml cannot be read (line ") == true },
            "\(out)")
    }

    @Test func survivesMalformedMessagesUnknownMethodsAndFilesOutsideTheWorkspace() throws {
        let session = try LSPSession()
        let out = session.run([
            Data("{not json".utf8),
            Data("[1, 2]".utf8),
            session.initialize(id: 7),
            ["jsonrpc": "2.0", "id": 8, "method": "textDocument/semanticTokens/full", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": ["textDocument": ["uri": "file:///etc/passwd.md", "version": 1, "text": "x"]]],
            ["jsonrpc": "2.0", "id": 9, "method": "textDocument/hover",
             "params": ["textDocument": ["uri": "file:///etc/passwd.md"], "position": ["line": 0, "character": 0]]],
            LSPSession.shutdown, LSPSession.exit,
        ])
        #expect(out.messages.filter { $0["error"]?["code"] == -32700 }.count == 2)
        #expect(out.messages.response(7)?["result"]?["capabilities"] != nil)
        #expect(out.messages.response(8)?["error"]?["code"] == -32601)
        #expect(out.messages.response(9)?["result"] == .null)
        #expect(out.messages.diagnostics("file:///etc/passwd.md").isEmpty)
        #expect(out.status == 0)
        #expect(session.run([session.initialize(), LSPSession.exit]).status == 1, "exit without shutdown")
    }

    @Test func completesKeysStagesPeopleAndTableCells() throws {
        let session = try LSPSession()
        let text = LSPSession.acme.replacingOccurrences(of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nhe\n")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 6, character: 2),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 3, character: 7),
            session.request(4, "textDocument/completion", "accounts/acme.md", line: 18, character: 19),
            session.request(5, "textDocument/completion", "accounts/acme.md", line: 14, character: 21),
        ]).messages
        let keys = out.response(2)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(keys.contains("health") && keys.contains("team") && !keys.contains("stage") && !keys.contains("owner"))
        let stages = out.response(3)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string }
        #expect(stages == ["departmental", "industry-solution", "integration"])
        let people = out.response(4)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string }
        #expect(people == ["li-you — Li You", "wang-fang — Wang Fang"])
        let cells = out.response(5)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string }
        #expect(cells == ["qualify", "develop", "propose", "negotiate", "won", "lost"])
    }

    /// Every item replaces the word before the cursor, hyphens included: an editor left to find
    /// the word itself stops at `-` in Markdown and inserted `li-li-you` (Neovim 0.7, a newcomer
    /// trial). Ranges are in the negotiated encoding: after Chinese text, UTF-16 and UTF-8 differ.
    @Test(arguments: [false, true])
    func completionReplacesTheWordBeforeTheCursor(utf8: Bool) throws {
        let session = try LSPSession()
        let text = LSPSession.acme.replacingOccurrences(of: "manager: li-you", with: "manager: li-")
            .replacingOccurrences(of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nhe\n")
            + "\n## Actions\n\n- [ ] 2026-12-15 会议 @wang-f\n"
        let lines = text.components(separatedBy: "\n")
        let action = try #require(lines.firstIndex { $0.hasSuffix("@wang-f") })
        let actionEnd = utf8 ? lines[action].utf8.count : lines[action].utf16.count
        let out = session.run([
            session.initialize(utf8: utf8), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 4, character: 12),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 6, character: 2),
            session.request(4, "textDocument/completion", "accounts/acme.md", line: action, character: actionEnd),
        ]).messages
        let (edits, range) = (out.completionEdits, LSPSession.range)
        #expect(edits(2).map { $0["newText"] } == ["li-you", "wang-fang"])
        #expect(edits(2).allSatisfy { $0["range"] == range(4, 9, 12) }, "\(edits(2))")
        #expect(edits(3).contains { $0["newText"] == "health: " } && edits(3).allSatisfy { $0["range"] == range(6, 0, 2) }, "\(edits(3))")
        #expect(edits(4).map { $0["newText"] } == ["li-you", "wang-fang"])
        #expect(edits(4).allSatisfy { $0["range"] == range(action, actionEnd - 6, actionEnd) }, "\(edits(4))")
    }

    @Test func hoversExplainKeysPeopleAndAnOpportunity() throws {
        let session = try LSPSession()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/hover", "accounts/acme.md", line: 4, character: 2),
            session.request(3, "textDocument/hover", "accounts/acme.md", line: 4, character: 12),
            session.request(4, "textDocument/hover", "accounts/acme.md", line: 13, character: 4),
            session.request(5, "textDocument/hover", "accounts/acme.md", line: 2, character: 11),
        ]).messages
        func text(_ id: Int) -> String { out.response(id)?["result"]?["contents"]?["value"]?.string ?? "" }
        #expect(text(2).hasPrefix("**manager** — The account manager"))
        #expect(text(3) == "**Li You** (`li-you`, acctplan.yml)\n\nowns 2 plans, on the team of 0")
        #expect(text(4) == "**opp-a**: 700,000 × 50% (stage default) = 350,000 CNY weighted")
        #expect(text(5).hasPrefix("industry plan **Tobacco** (`industries/tobacco.md`)\n\nrevenue target 10,000,000 CNY"))
    }

    @Test func outlinesSectionsAndTheirRows() throws {
        let session = try LSPSession()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/documentSymbol", "accounts/acme.md"),
        ]).messages
        let symbols = try #require(out.response(2)?["result"]?.array)
        #expect(symbols.map { $0["name"]?.string } == ["Opportunities", "Actions", "Stakeholders"])
        #expect(symbols[0]["children"]?[0]?["name"] == "opp-a — Rollout")
        #expect(symbols[1]["children"]?[0]?["name"] == "[ ] Demo for #opp-a")
        #expect(symbols[0]["range"]?["start"]?["line"] == 9)
        #expect(symbols[0]["range"]?["end"]?["line"] == 14)
        #expect(symbols[2]["children"]?[0]?["name"] == "Zhang Wei")
    }

    @Test func garbageAndHugePlansGetDiagnosticsNotACrash() throws {
        let session = try LSPSession()
        let garbage = String(decoding: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self)
        let huge = LSPSession.acme + String(repeating: "Lorem ipsum dolor sit amet. ", count: 160_000)
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/garbage.md", garbage),
            session.open("accounts/huge.md", huge),
            session.request(2, "textDocument/formatting", "accounts/garbage.md"),
            session.request(3, "textDocument/documentSymbol", "accounts/huge.md"),
            session.request(4, "textDocument/hover", "accounts/garbage.md", line: 0, character: 0),
        ])
        let garbageCodes = out.messages.diagnostics(session.uri("accounts/garbage.md")).last?["diagnostics"]?.array?.map { $0["code"] }
        #expect(garbageCodes == ["encoding"])
        let hugeCodes = out.messages.diagnostics(session.uri("accounts/huge.md")).last?["diagnostics"]?.array?.map { $0["code"] }
        #expect(hugeCodes == ["too-large"])
        #expect(out.messages.response(2)?["result"] == [])
        #expect(out.messages.response(3)?["result"] == [])
        #expect(out.messages.response(4)?["result"] == .null)
    }

    @Test func definitionsAndReferencesLeadToPlansRowsAndPeople() throws {
        let session = try LSPSession()
        var refs = session.request(6, "textDocument/references", "accounts/acme.md", line: 4, character: 11)
        refs["params"] = (refs["params"] as? [String: Any] ?? [:]).merging(["context": ["includeDeclaration": true]]) { $1 }
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/definition", "accounts/acme.md", line: 2, character: 12),
            session.request(3, "textDocument/definition", "accounts/acme.md", line: 17, character: 20),
            session.request(4, "textDocument/definition", "accounts/acme.md", line: 17, character: 39),
            session.request(5, "textDocument/references", "accounts/acme.md", line: 13, character: 3),
            refs,
        ]).messages
        func at(_ json: JSON?) -> String {
            guard let uri = json?["uri"]?.string, let line = json?["range"]?["start"]?["line"]?.int,
                  let character = json?["range"]?["start"]?["character"]?.int else { return "none" }
            return "\(uri.replacingOccurrences(of: session.uri(""), with: "")):\(line):\(character)"
        }
        #expect(at(out.response(2)?["result"]) == "industries/tobacco.md:0:0")
        #expect(at(out.response(3)?["result"]) == "acctplan.yml:4:2")
        #expect(at(out.response(4)?["result"]) == "accounts/acme.md:13:2")
        #expect(out.response(5)?["result"]?.array?.map(at) == ["accounts/acme.md:13:2", "accounts/acme.md:17:37"])
        #expect(out.response(6)?["result"]?.array?.map(at) == ["accounts/acme.md:4:9", "industries/tobacco.md:2:7", "acctplan.yml:3:2"])
    }

    @Test func renameIsOneWorkspaceEditOrARefusal() throws {
        let session = try LSPSession()
        func rename(_ id: Int, line: Int, character: Int, to name: String) -> [String: Any] {
            var request = session.request(id, "textDocument/rename", "accounts/acme.md", line: line, character: character)
            request["params"] = (request["params"] as? [String: Any] ?? [:]).merging(["newName": name]) { $1 }
            return request
        }
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            rename(2, line: 4, character: 11, to: "li-yu"),
            rename(3, line: 13, character: 3, to: "opp-rollout"),
            rename(4, line: 4, character: 11, to: "wang-fang"),
            rename(5, line: 4, character: 11, to: "Li You"),
        ]).messages
        let changes = try #require(out.response(2)?["result"]?["changes"])
        func edits(_ path: String, in changes: JSON) -> [String] {
            (changes[session.uri(path)]?.array ?? []).map {
                "\($0["range"]?["start"]?["line"]?.int ?? -1):\($0["range"]?["start"]?["character"]?.int ?? -1)-\($0["range"]?["end"]?["character"]?.int ?? -1)=\($0["newText"]?.string ?? "")"
            }
        }
        #expect(edits("acctplan.yml", in: changes) == ["3:2-8=li-yu"])
        #expect(edits("accounts/acme.md", in: changes) == ["4:9-15=li-yu"])
        #expect(edits("industries/tobacco.md", in: changes) == ["2:7-13=li-yu"])
        let opportunity = try #require(out.response(3)?["result"]?["changes"])
        #expect(edits("accounts/acme.md", in: opportunity) == ["13:2-7=opp-rollout", "17:38-43=opp-rollout"])
        #expect(out.response(4)?["error"]?["message"] == "'wang-fang' is already a person in acctplan.yml")
        #expect(out.response(5)?["error"]?["message"]?.string?.hasPrefix("'Li You' is not a valid id") == true)
    }

    @Test func quickFixesApplyTheSuggestionAndRefreshTheReviewDate() throws {
        let session = try LSPSession()
        let typo = LSPSession.acme.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl")
            .replacingOccurrences(of: "reviewed: 2026-11-01", with: "reviewed: 2025-01-01")
        let first = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo)]).messages
        let diagnostics = try #require(first.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"]?.array)
        #expect(diagnostics.map { $0["code"] } == ["unknown-stage", "stale-review"])
        let request = try session.codeActions(2, "accounts/acme.md", diagnostics: diagnostics)
        let out = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo), request]).messages
        let actions = try #require(out.response(2)?["result"]?.array)
        #expect(actions.map { $0["title"] } == ["Change to 'departmental'", "Set reviewed: to today (2026-12-01)"])
        let edit = actions[0]["edit"]?["changes"]?[session.uri("accounts/acme.md")]?[0]
        #expect(edit?["newText"] == "departmental")
        #expect(edit?["range"] == ["start": ["line": 3, "character": 7], "end": ["line": 3, "character": 18]])
        #expect(actions[1]["edit"]?["changes"]?[session.uri("accounts/acme.md")]?[0]?["newText"] == "reviewed: 2026-12-01")
    }

    @Test func filesChangedOutsideTheEditorAreReadAgain() throws {
        let session = try LSPSession()
        let tobacco = session.root.appendingPathComponent("industries/tobacco.md")
        let watched: [String: Any] = ["jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
                                      "params": ["changes": [["uri": session.uri("industries/tobacco.md"), "type": 3]]]]
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            watched,
        ], before: [3: { try? FileManager.default.removeItem(at: tobacco) }]).messages
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        #expect(published.first?["diagnostics"] == [])
        // After `git pull` deleted the industry plan, the account's industry is unknown.
        #expect(published.last?["diagnostics"]?.array?.map { $0["code"] } == ["unknown-reference"])
    }

    /// An editor that cannot watch files for the server (Neovim 0.7: no dynamic registration) got
    /// no notice of a `git pull`, and the diagnostics stayed stale (a newcomer trial). The server
    /// looks itself at `acctplan.yml` and git's index; here before the next message.
    @Test(arguments: [false, true])
    func changesOnDiskAreSeenWithoutTheEditorsHelp(throughGit: Bool) throws {
        let session = try LSPSession()
        let run = session.git
        if throughGit {
            run(["init", "-q"])
            run(["add", "-A"])
            run(["commit", "-qm", "plans"])
        }
        let tobacco = session.root.appendingPathComponent("industries/tobacco.md")
        let config = session.root.appendingPathComponent("acctplan.yml")
        let hover = session.request(9, "textDocument/hover", "accounts/acme.md", line: 0, character: 0)
        // After the first look at the plan files (the change during it: the test below).
        let looked = DispatchSemaphore(value: 0)
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            hover,
        ], before: [3: {
            looked.wait()
            if throughGit {
                // What a `git pull` that deletes the industry plan does: the file and the index.
                run(["rm", "-q", "industries/tobacco.md"])
            } else {
                // acctplan.yml changed by another program: the account's manager is no one now.
                try? Data(LSPSession.config.replacingOccurrences(of: "  li-you: {name: Li You}\n", with: "").utf8).write(to: config)
            }
        }], diskCheckInterval: 0) { $0.tookPlanFiles = { looked.signal() } }.messages
        #expect(FileManager.default.fileExists(atPath: tobacco.path) == !throughGit)
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        #expect(published.first?["diagnostics"] == [], "\(published)")
        let codes = published.last?["diagnostics"]?.array?.compactMap { $0["code"]?.string } ?? []
        #expect(codes == [throughGit ? "unknown-reference" : "unknown-person"], "\(published)")
    }

    /// The first look at every plan file runs on the watching thread after `initialized`. A `git
    /// pull` while it ran was in that look already, so comparing with it never showed the change
    /// and the diagnostics stayed stale (CI saw it once). Here the look waits for the pull and
    /// comes back before the next message.
    @Test func aPullWhileThePlanFilesAreFirstLookedAtIsSeen() throws {
        let session = try LSPSession()
        let git = session.git
        git(["init", "-q"])
        git(["add", "-A"])
        git(["commit", "-qm", "plans"])
        let (pulled, looked) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(9, "textDocument/hover", "accounts/acme.md", line: 0, character: 0),
        ], before: [3: {
            git(["rm", "-q", "industries/tobacco.md"])
            pulled.signal()
            looked.wait()
        }], diskCheckInterval: 0) { server in
            server.willLookAtPlanFiles = { pulled.wait() }
            server.tookPlanFiles = { looked.signal() }
        }.messages
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        #expect(published.first?["diagnostics"] == [], "\(published)")
        #expect(published.last?["diagnostics"]?.array?.compactMap { $0["code"]?.string } == ["unknown-reference"], "\(published)")
    }

    /// `git status` rewrites the index without changing a plan: nothing is read again (it was the
    /// whole workspace each time, a review found). A plan changed in place is read again.
    @Test func anIndexRewrittenWithoutAChangeReadsNothing() throws {
        let session = try LSPSession()
        let git = session.git
        git(["init", "-q"])
        git(["add", "-A"])
        git(["commit", "-qm", "plans"])
        let index = session.root.appendingPathComponent(".git/index")
        let tobacco = session.root.appendingPathComponent("industries/tobacco.md")
        let hover = { (id: Int) in session.request(id, "textDocument/hover", "accounts/acme.md", line: 0, character: 0) }
        let looked = DispatchSemaphore(value: 0)
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            hover(3), hover(4),
        ], before: [
            // As `git status` does: the index written again, every plan as it was (after the
            // first look at the plan files; an index changed during it reads everything).
            3: {
                looked.wait()
                _ = try? Data(contentsOf: index).write(to: index)
            },
            // A plan changed in place, and staged.
            4: {
                try? Data(LSPSession.tobacco.replacingOccurrences(of: "name: Tobacco", with: "name: Tobacco Industry").utf8).write(to: tobacco)
                git(["add", "industries/tobacco.md"])
            },
        ], diskCheckInterval: 0) { $0.tookPlanFiles = { looked.signal() } }.messages
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        // Once on opening, once after the changed plan was read again: not after the index alone.
        #expect(published.count == 2, "\(published)")
    }

    /// The index a workspace's `.git` leads to: a folder, or a file naming the git folder relative
    /// to the folder holding it (a submodule's `gitdir: ../.git/modules/ws`).
    @Test func theWatchedIndexIsTheRepositorysOwn() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: top) }
        let workspace = top.appendingPathComponent("ws")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("accounts"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: top.appendingPathComponent(".git/modules/ws"), withIntermediateDirectories: true)
        #expect(LanguageServer.gitIndex(above: workspace.appendingPathComponent("accounts")) == top.appendingPathComponent(".git/index").path)
        try Data("gitdir: ../.git/modules/ws\n".utf8).write(to: workspace.appendingPathComponent(".git"))
        // As an editor's root URI gives it: no trailing slash.
        let root = try #require(URL(string: workspace.absoluteString.hasSuffix("/") ? String(workspace.absoluteString.dropLast()) : workspace.absoluteString))
        #expect(LanguageServer.gitIndex(above: root) == top.appendingPathComponent(".git/modules/ws/index").standardizedFileURL.path)
    }

    @Test func asksTheClientToWatchPlansWhenItCan() throws {
        let session = try LSPSession()
        var initialize = session.initialize()
        initialize["params"] = ["rootUri": session.root.absoluteString,
                                "capabilities": ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]]
        let out = session.run([initialize, LSPSession.initialized]).messages
        let registration = out.first { $0["method"] == "client/registerCapability" }
        #expect(registration?["params"]?["registrations"]?[0]?["method"] == "workspace/didChangeWatchedFiles")
        #expect(session.run([session.initialize(), LSPSession.initialized]).messages.allSatisfy { $0["method"] != "client/registerCapability" })
    }

    /// A new plan in the editor (not saved) whose id another plan has: its own buffer shows the
    /// duplicate-id error, also when its path sorts before the other's (only the later one was
    /// told, a newcomer trial found).
    @Test func aNewPlanWithATakenIdIsToldInItsOwnBuffer() throws {
        let session = try LSPSession()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/aa/acme.md", LSPSession.acme),
        ]).messages
        let codes = out.diagnostics(session.uri("accounts/aa/acme.md")).last?["diagnostics"]?.array?.compactMap { $0["code"]?.string }
        #expect(codes == ["duplicate-id"], "\(out)")
        let message = out.diagnostics(session.uri("accounts/aa/acme.md")).last?["diagnostics"]?[0]?["message"]?.string ?? ""
        #expect(message.contains("is also used by accounts/acme.md"), "\(message)")
    }

    /// A comment line in the front matter is no place for a key (keys were offered there).
    @Test func noKeysAreOfferedOnAFrontMatterComment() throws {
        let session = try LSPSession()
        let text = "---\n# owner \n" + LSPSession.acme.dropFirst("---\n".count)
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 1, character: 8),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 2, character: 0),
        ]).messages
        #expect(out.response(2)?["result"]?["items"]?.array?.isEmpty == true, "\(out)")
        // The line after it still completes keys.
        #expect(out.response(3)?["result"]?["items"]?.array?.isEmpty == false, "\(out)")
    }

    @Test func completesTheWorkspacesOwnFieldsAndBooleanValues() throws {
        let session = try LSPSession(files: [
            "acctplan.yml": LSPSession.config + "fields:\n  strategic: {type: boolean}\n  erp_vendor: {type: string}\n",
            "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme,
        ])
        let text = LSPSession.acme.replacingOccurrences(of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nstrategic: \n")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 1, character: 0),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 6, character: 11),
        ]).messages
        let keys = out.response(2)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(keys.contains("erp_vendor") && !keys.contains("strategic"), "\(keys)")
        let values = out.response(3)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string }
        #expect(values == ["true", "false"])
    }
}
