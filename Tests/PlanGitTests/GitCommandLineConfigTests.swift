import Foundation
@testable import PlanGit
import Testing
import TestSupport

/// `git -c` reaches the programs git starts as `GIT_CONFIG_PARAMETERS`, which libgit2 does not
/// read: the merge driver missed `git -c merge.conflictStyle=diff3 merge`.
struct GitCommandLineConfigTests {
    /// What the installed git writes for these `-c` options, read from a `!env` alias.
    static func parameters(_ options: [String]) throws -> String {
        let arguments = ["-c", "alias.showenv=!env"] + options.flatMap { ["-c", $0] } + ["showenv"]
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_PARAMETERS"] = nil
        let run = try Subprocess.run("/usr/bin/git", arguments, environment: environment,
                                     directory: FileManager.default.temporaryDirectory.path, timeout: 60)
        try #require(run.termination == .exited(0), "\(run)")
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n")
        let line = try #require(lines.first { $0.hasPrefix("GIT_CONFIG_PARAMETERS=") })
        return String(line.dropFirst("GIT_CONFIG_PARAMETERS=".count))
    }

    @Test func readsWhatGitWrites() throws {
        let text = try Self.parameters(["merge.conflictStyle=diff3", "user.Name=it's me", "core.bare", "core.editor=", "diff.MyDriver.command=x"])
        let environment = ["GIT_CONFIG_PARAMETERS": text]
        #expect(GitCommandLineConfig.value(of: "merge.conflictstyle", in: environment) == "diff3", "\(text)")
        #expect(GitCommandLineConfig.value(of: "MERGE.CONFLICTSTYLE", in: environment) == "diff3")
        #expect(GitCommandLineConfig.value(of: "user.name", in: environment) == "it's me", "\(text)")
        #expect(GitCommandLineConfig.value(of: "core.bare", in: environment) == "true", "\(text)")
        #expect(GitCommandLineConfig.value(of: "core.editor", in: environment) == "", "\(text)")
        #expect(GitCommandLineConfig.value(of: "alias.showenv", in: environment) == "!env", "\(text)")
        // The subsection is matched as written, section and key without regard to case.
        #expect(GitCommandLineConfig.value(of: "Diff.MyDriver.COMMAND", in: environment) == "x")
        #expect(GitCommandLineConfig.value(of: "diff.mydriver.command", in: environment) == nil)
        #expect(GitCommandLineConfig.value(of: "merge.renames", in: environment) == nil)
    }

    @Test func theLastValueWinsAndTheCommandLineWinsOverTheCount() {
        let environment = [
            "GIT_CONFIG_COUNT": "2",
            "GIT_CONFIG_KEY_0": "merge.conflictStyle", "GIT_CONFIG_VALUE_0": "zdiff3",
            "GIT_CONFIG_KEY_1": "user.email", "GIT_CONFIG_VALUE_1": "li.you@example.com",
            "GIT_CONFIG_PARAMETERS": "'merge.conflictStyle'='merge' 'merge.conflictStyle'='diff3'",
        ]
        #expect(GitCommandLineConfig.value(of: "merge.conflictStyle", in: environment) == "diff3")
        #expect(GitCommandLineConfig.value(of: "user.email", in: environment) == "li.you@example.com")
        #expect(GitCommandLineConfig.value(of: "merge.conflictStyle", in: [:]) == nil)
    }

    /// git before 2.31 wrote `'key=value'`; a malformed rest is ignored, never misread.
    @Test func readsTheOlderFormAndStopsAtNonsense() {
        #expect(GitCommandLineConfig.parse("'merge.conflictstyle=diff3' 'core.bare'").map { "\($0.key)=\($0.value)" }
                == ["merge.conflictstyle=diff3", "core.bare=true"])
        #expect(GitCommandLineConfig.parse("'a.b'='c' d.e=f 'g.h'='i'").map(\.key) == ["a.b"])
        #expect(GitCommandLineConfig.parse("'a.b'='unterminated").isEmpty)
        #expect(GitCommandLineConfig.parse("").isEmpty)
    }
}
