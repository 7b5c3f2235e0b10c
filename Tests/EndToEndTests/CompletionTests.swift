import Foundation
import Testing

/// Shell completion as bash runs it: the script `acctplan --generate-completion-script bash`
/// prints is sourced in a real bash, COMP_WORDS set as bash sets them, and the completion
/// function asked; custom completions come from the workspace and repository (docs/install.md).
struct CompletionTests {
    static func complete(_ line: [String], in ws: URL, sandbox: GitSandbox) throws -> [String] {
        let script = sandbox.temp.path("acctplan.bash")
        let generated = try sandbox.acctplan(["--generate-completion-script", "bash"], in: ws)
        try Data(generated.stdout.utf8).write(to: script)
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            source '\(script.path)'
            COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            # As bash calls a completion function: the command, the word, the word before it.
            _acctplan "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let binaryFolder = try CLI.binary.get().deletingLastPathComponent().path
        let result = try Launched(URL(fileURLWithPath: "/bin/bash"), ["-c", program], in: ws,
                                  environment: sandbox.environment(extra: ["PATH": binaryFolder + ":/usr/bin:/bin"])).wait()
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func planIdsRevisionsQueryEntitiesViewsAndFields() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        try sandbox.gitOK(["tag", "q3-review"], in: ws)

        let ids = try Self.complete(["acctplan", "show", ""], in: ws, sandbox: sandbox)
        #expect(ids.contains("huaxia-power") && ids.contains("tobacco") && ids.contains("installed-base-high-end"), "\(ids)")
        // bash narrows to the word typed so far.
        #expect(try Self.complete(["acctplan", "show", "hua"], in: ws, sandbox: sandbox) == ["huaxia-power"])
        let revisions = try Self.complete(["acctplan", "diff", ""], in: ws, sandbox: sandbox)
        #expect(revisions.contains("HEAD") && revisions.contains("q3-review") && revisions.contains("accounts/huaxia-power.md"), "\(revisions)")
        let entities = try Self.complete(["acctplan", "query", ""], in: ws, sandbox: sandbox)
        #expect(entities.contains("opportunities") && entities.contains("@closing-this-quarter"), "\(entities)")
        let fields = try Self.complete(["acctplan", "query", "opportunities", "stage:won", ""], in: ws, sandbox: sandbox)
        #expect(fields.contains("amount:") && fields.contains("account.industry:") && !fields.contains("reviewed:"), "\(fields)")
        // A view's fields are its entity's.
        let viewFields = try Self.complete(["acctplan", "query", "@overdue-by-owner", ""], in: ws, sandbox: sandbox)
        #expect(viewFields.contains("overdue:") && viewFields.contains("owner:"), "\(viewFields)")
        // Fixed values complete as before.
        let formats = try Self.complete(["acctplan", "rollup", "--format", ""], in: ws, sandbox: sandbox)
        #expect(formats.contains("csv") && formats.contains("markdown"), "\(formats)")
    }
}
