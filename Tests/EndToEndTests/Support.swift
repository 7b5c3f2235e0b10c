import Foundation
@_exported import TestSupport
import Testing

/// Runs the real `acctplan` binary as a subprocess on workspaces written into fresh temp folders.
enum CLI {
    struct BinaryNotFound: Error, CustomStringConvertible {
        var tried: [String]
        var description: String {
            "acctplan binary not found; build it (swift build) or set ACCTPLAN_BINARY. Tried: " + tried.joined(separator: ", ")
        }
    }

    /// The binary: `ACCTPLAN_BINARY`, else next to the test bundle (the build products folder).
    static let binary: Result<URL, BinaryNotFound> = {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["ACCTPLAN_BINARY"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        } else {
            var starts: [URL] = []
            if let first = CommandLine.arguments.first {
                starts.append(URL(fileURLWithPath: first).standardizedFileURL.deletingLastPathComponent())
            }
            starts.append(Bundle.main.bundleURL)
            if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                starts.append(bundle.bundleURL.deletingLastPathComponent())
            }
            // Walk up a few levels: on macOS the test binary sits inside X.xctest/Contents/MacOS.
            for start in starts {
                var directory = start
                for _ in 0..<4 {
                    candidates.append(directory.appendingPathComponent("acctplan"))
                    directory = directory.deletingLastPathComponent()
                }
            }
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return .success(candidate)
            }
        }
        return .failure(BinaryNotFound(tried: candidates.map(\.path)))
    }()

    /// What one run printed and how it ended.
    struct Output: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)" }
    }

    /// Runs `acctplan args` in `dir` with stdout and stderr as pipes. `env` is added to the inherited
    /// environment, from which NO_COLOR is removed (so colour tests decide it themselves) and TERM
    /// is set to a colour terminal (so only "is stdout a terminal" decides).
    static func run(_ args: [String], in dir: URL, env: [String: String] = [:], timeout: TimeInterval = 30) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try runProgram(try binary.get(), templateAsWritten(args), in: dir, env: env, timeout: timeout)
    }

    /// `init` dates the template's plans for the day it runs (TemplateDates): the tests read the
    /// template as written, on the day it is written for, unless they give `--as-of` themselves.
    static func templateAsWritten(_ args: [String]) -> [String] {
        guard args.first == "init", !args.contains(where: { $0.hasPrefix("--as-of") }) else { return args }
        return args + ["--as-of", "2026-12-01"]
    }

    /// Runs any program the same way (used to give acctplan a terminal through `script`). A child
    /// killed by a signal shows as 128 + the signal number, as a shell reports it.
    static func runProgram(_ executable: URL, _ args: [String], in dir: URL, env: [String: String] = [:],
                           timeout: TimeInterval = 30) throws -> (status: Int32, stdout: String, stderr: String)
    {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "ACCTPLAN_BINARY")
        // The locale chooses the language of messages (docs/language.md): tests that want one say so.
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: key) }
        for (key, value) in env { environment[key] = value }
        let result = try Subprocess.run(executable.path, args, environment: environment, directory: dir.path,
                                        timeout: timeout * testTimeScale)
        if result.timedOut {
            Issue.record("\(executable.lastPathComponent) \(args.joined(separator: " ")) did not finish within \(Int(timeout * testTimeScale)) s")
        }
        return (result.termination.shellStatus, String(decoding: result.stdout, as: UTF8.self),
                String(decoding: result.stderr, as: UTF8.self))
    }

    static func output(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> Output {
        let result = try run(args, in: dir, env: env)
        return Output(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// The package root, from this file's location (Tests/EndToEndTests/Support.swift).
    static func packageRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var workspaceTemplate: URL { packageRoot().appendingPathComponent("workspace-template") }
}

/// `ACCTPLAN_TEST_TIME_SCALE` (a whole number, default 1) multiplies the time a process may take:
/// scripts/sanitize sets 10, since a binary under a sanitizer runs several times slower.
let testTimeScale = ProcessInfo.processInfo.environment["ACCTPLAN_TEST_TIME_SCALE"].flatMap { Double($0) }.map { max(1, $0) } ?? 1

/// A fresh temp folder, removed by `remove()` (call it in a `defer`).
struct TempDir {
    let url: URL

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("acctplan-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve /tmp links once so that paths compare as acctplan sees them.
        url = URL(fileURLWithPath: base.resolvingSymlinksInPath().path, isDirectory: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `files` (relative path → text) below `relative` (default: this folder).
    @discardableResult
    func write(_ files: [String: String], under relative: String = "") throws -> URL {
        let root = relative.isEmpty ? url : url.appendingPathComponent(relative)
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return root
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative).path) }

    /// Every regular file and link below this folder, relative, sorted.
    func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String { files.append(next) }
        return files.sorted()
    }

    func symlink(_ relative: String, to destination: String) throws {
        let link = path(relative)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
    }
}

/// Plans and configuration used by several tests. All dates are judged as of 2026-11-29.
enum Fixture {
    static let asOf = "2026-11-29"

    static let config = """
        version: 1
        currency: CNY
        fx: {USD: 7.1}
        people:
          li-you: {name: Li You}
          wang-fang: {name: Wang Fang}

        """

    static let tobacco = """
        ---
        name: Tobacco
        owner: li-you
        reviewed: 2026-11-01
        ---
        # Tobacco

        """

    /// An account plan with no problems as of 2026-11-29 (given industries/tobacco.md).
    static func account(name: String = "Acme", industry: String = "tobacco", stage: String = "departmental",
                        reviewed: String = "2026-11-01", extra: String = "") -> String {
        """
        ---
        name: \(name)
        industry: \(industry)
        manager: li-you
        stage: \(stage)
        reviewed: \(reviewed)
        ---
        # \(name)
        \(extra)
        ## Stakeholders

        | Name | Role |
        | --- | --- |
        | Zhou Ming | decision-maker |

        """
    }

    /// The classic misspelt stage: line 5, column 8 (`stage: ` is seven characters).
    static let misspeltStage = account(stage: "industy-solution")
    static let misspeltStageLine =
        "accounts/a.md:5:8: error: unknown lifecycle stage 'industy-solution' (did you mean 'industry-solution'?) [unknown-stage]"

    /// A minimal workspace: config, the tobacco industry and the given accounts.
    static func workspace(_ accounts: [String: String], in temp: TempDir, under folder: String = "") throws -> URL {
        var files = ["acctplan.yml": config, "industries/tobacco.md": tobacco]
        for (path, text) in accounts { files[path] = text }
        return try temp.write(files, under: folder)
    }
}

/// JSON helpers for parsed output.
enum JSON {
    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = value as? [String: Any] else { throw Failure("not a JSON object: \(text.prefix(200))") }
        return object
    }

    static func diagnostics(_ text: String) throws -> [[String: Any]] {
        guard let list = try object(text)["diagnostics"] as? [[String: Any]] else { throw Failure("no diagnostics array") }
        return list
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
}
