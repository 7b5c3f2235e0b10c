import Foundation
import PlanModel

/// A real git repository in a temp dir, made with the git command line, holding a workspace.
struct ScratchRepository {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planservices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        // The commit service resolves its identity from the repository's configuration.
        try git("config", "user.name", "Li You")
        try git("config", "user.email", "li.you@example.com")
        try write("acctplan.yml", Self.config)
        try write("industries/tobacco.md", Self.tobacco)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Stages everything and commits it, on `day` (committer and author date) when given;
    /// `allowEmpty`: a commit even when nothing changed.
    @discardableResult
    func commitAll(_ message: String, on day: String? = nil, allowEmpty: Bool = false) throws -> String {
        try git("add", "-A")
        try git(["commit", "-q"] + (allowEmpty ? ["--allow-empty"] : []) + ["-m", message], date: day.map { "\($0)T12:00:00Z" })
        return try git("rev-parse", "HEAD")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String { try git(arguments) }

    @discardableResult
    func git(_ arguments: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        if let date { (environment["GIT_AUTHOR_DATE"], environment["GIT_COMMITTER_DATE"]) = (date, date) }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ScratchFailure(message: "git \(arguments.joined(separator: " ")): \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct ScratchFailure: Error { var message: String }

    static let config = """
        version: 1
        currency: CNY
        people:
          li-you: {name: Li You}

        """

    static let tobacco = """
        ---
        name: Tobacco
        owner: li-you
        reviewed: 2026-11-01
        ---
        # Tobacco

        """

    /// An account plan with no lint problem as of 2026-11-29.
    static func account(_ name: String, stage: String = "departmental", extra: String = "") -> String {
        """
        ---
        name: \(name)
        industry: tobacco
        manager: li-you
        stage: \(stage)
        reviewed: 2026-11-01
        ---
        # \(name)
        \(extra)
        ## Stakeholders

        | Name | Role |
        | --- | --- |
        | Zhou Ming | decision-maker |

        """
    }

    static let asOf = CalendarDate(year: 2026, month: 11, day: 29)!
}
