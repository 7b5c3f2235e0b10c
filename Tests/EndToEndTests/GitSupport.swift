import Foundation
import Testing

/// A process started but not yet waited for, so two of them can run at the same moment.
final class Launched: Sendable {
    private let process: Subprocess
    let label: String

    /// Starts `executable args` in `dir` with exactly `environment` (nothing inherited).
    init(_ executable: URL, _ args: [String], in dir: URL, environment: [String: String]) throws {
        label = "\(executable.lastPathComponent) \(args.joined(separator: " "))"
        process = try Subprocess(executable.path, args, environment: environment, directory: dir.path)
    }

    /// Waits for the end (at most `timeout` seconds, then it is killed and an issue recorded).
    func wait(timeout: TimeInterval = 30) -> CLI.Output {
        let result = process.wait(timeout: timeout * testTimeScale)
        if result.timedOut { Issue.record("\(label) did not finish within \(Int(timeout * testTimeScale)) s") }
        // A signal (a crash) shows as a status above 128, like a shell would report it.
        return CLI.Output(status: result.termination.shellStatus, stdout: String(decoding: result.stdout, as: UTF8.self),
                          stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}

/// A temp folder for git end-to-end tests: a HOME whose .gitconfig sets an identity and
/// `init.defaultBranch=main`, a HOME without any configuration, and helpers that run the real
/// `git` and `acctplan` with an environment built from scratch (no GIT_* variables of the
/// machine, no system configuration), so results do not depend on the machine.
struct GitSandbox {
    let temp: TempDir
    /// HOME with a .gitconfig (user.name, user.email, init.defaultBranch=main).
    let home: URL
    /// HOME without any git configuration.
    let bareHome: URL

    static let userName = "Test User"
    static let userEmail = "test.user@example.com"

    init() throws {
        temp = try TempDir()
        home = temp.path("home")
        bareHome = temp.path("home-without-identity")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bareHome, withIntermediateDirectories: true)
        try Data("""
            [user]
            \tname = \(Self.userName)
            \temail = \(Self.userEmail)
            [init]
            \tdefaultBranch = main
            [advice]
            \tdetachedHead = false

            """.utf8).write(to: home.appendingPathComponent(".gitconfig"))
    }

    func remove() { temp.remove() }

    /// The inherited PATH (where git and sh are found).
    static let inheritedPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"

    static let gitExecutable: URL = {
        for folder in inheritedPath.split(separator: ":") {
            let candidate = "\(folder)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return URL(fileURLWithPath: "/usr/bin/git")
    }()

    /// A complete environment: only PATH and a few harmless variables are taken from the machine.
    func environment(home: URL? = nil, path: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var env: [String: String] = [:]
        for key in ["TMPDIR", "USER", "LOGNAME", "TZ"] { if let value = inherited[key] { env[key] = value } }
        // Sanitizer settings (scripts/sanitize) reach the binary under test.
        for (key, value) in inherited where key.hasSuffix("SAN_OPTIONS") { env[key] = value }
        let home = home ?? self.home
        env["PATH"] = path ?? Self.inheritedPath
        env["HOME"] = home.path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = "true"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["LC_ALL"] = "C"
        env["NO_COLOR"] = "1"
        env["TERM"] = "dumb"
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// `git -C dir args`.
    @discardableResult
    func git(_ args: [String], in dir: URL, home: URL? = nil, path: String? = nil,
             extra: [String: String] = [:]) throws -> CLI.Output {
        try Launched(Self.gitExecutable, ["-C", dir.path] + args, in: temp.url,
                     environment: environment(home: home, path: path, extra: extra)).wait()
    }

    /// `git -C dir args`, which must succeed; returns stdout without the trailing newline.
    @discardableResult
    func gitOK(_ args: [String], in dir: URL, home: URL? = nil, path: String? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try git(args, in: dir, home: home, path: path)
        if result.status != 0 {
            Issue.record("git \(args.joined(separator: " ")) failed: \(result)", sourceLocation: sourceLocation)
        }
        return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    }

    /// Lines of `git status --porcelain` (untracked files included).
    func status(_ dir: URL) throws -> [String] {
        try gitOK(["status", "--porcelain", "--untracked-files=all"], in: dir).split(separator: "\n").map(String.init)
    }

    func head(_ dir: URL) throws -> String { try gitOK(["rev-parse", "HEAD"], in: dir) }

    /// A workspace made by `acctplan init ws` in the sandbox (a git repository with the template
    /// committed).
    func templateWorkspace() throws -> URL {
        let created = try acctplan(["init", "ws"], in: temp.url)
        try #require(created.status == 0, "\(created)")
        return temp.path("ws")
    }

    /// Runs the acctplan binary (by default the one built next to the tests).
    func acctplan(_ args: [String], in dir: URL, home: URL? = nil, path: String? = nil, binary: URL? = nil,
                  extra: [String: String] = [:]) throws -> CLI.Output {
        try start(args, in: dir, home: home, path: path, binary: binary, extra: extra).wait()
    }

    /// Starts the acctplan binary without waiting for it.
    func start(_ args: [String], in dir: URL, home: URL? = nil, path: String? = nil, binary: URL? = nil,
               extra: [String: String] = [:]) throws -> Launched {
        try Launched(try binary ?? CLI.binary.get(), CLI.templateAsWritten(args), in: dir,
                     environment: environment(home: home, path: path, extra: extra))
    }

    /// A repository in `name` holding the fixture workspace (config, the tobacco industry and
    /// `accounts`), all committed on `main` by git itself.
    func repository(_ name: String = "repo", accounts: [String: String]) throws -> URL {
        let dir = try Fixture.workspace(accounts, in: temp, under: name)
        try gitOK(["init", "-q"], in: dir)
        try gitOK(["add", "-A"], in: dir)
        try gitOK(["commit", "-q", "-m", "Initial plans"], in: dir)
        return dir
    }

    /// A copy of an executable written through a descriptor that no child process inherits: a
    /// child started by another test while the copy is open for writing (FileManager's copy is
    /// not close-on-exec) made running the copy fail with "text file busy" (ETXTBSY) for as
    /// long as that child lived.
    static func copyExecutable(_ source: URL, to target: URL) throws {
        let bytes = try Data(contentsOf: source)
        let descriptor = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    /// A folder with a copy of the given binaries (or links to them).
    func bin(_ name: String = "bin", copy: Bool) throws -> URL {
        let folder = temp.path(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = try CLI.binary.get()
        let target = folder.appendingPathComponent("acctplan")
        if copy {
            try Self.copyExecutable(binary, to: target)
        } else {
            try FileManager.default.createSymbolicLink(at: target, withDestinationURL: binary)
        }
        return folder
    }
}

/// The bytes of a folder's tree: relative path → content (links as "-> target", folders as "/").
enum Tree {
    static func snapshot(_ root: URL, excluding excluded: [String] = []) -> [String: Data] {
        var result: [String: Data] = [:]
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: root.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            if excluded.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
            let full = root.appendingPathComponent(relative).path
            guard let type = (try? fileManager.attributesOfItem(atPath: full))?[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory: result[relative] = Data("/".utf8)
            case .typeSymbolicLink:
                result[relative] = Data(("-> " + ((try? fileManager.destinationOfSymbolicLink(atPath: full)) ?? "?")).utf8)
            default: result[relative] = (try? Data(contentsOf: URL(fileURLWithPath: full))) ?? Data("<unreadable>".utf8)
            }
        }
        return result
    }

    /// Paths that were added, removed or changed between two snapshots.
    static func changes(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        var changes: [String] = []
        for path in Set(before.keys).union(after.keys).sorted() {
            switch (before[path], after[path]) {
            case (nil, _): changes.append("+ \(path)")
            case (_, nil): changes.append("- \(path)")
            case let (old?, new?) where old != new: changes.append("~ \(path)")
            default: break
            }
        }
        return changes
    }

    /// Everything below `root` except objects (a refused commit may leave unreachable objects,
    /// which git ignores).
    static func repositoryState(_ root: URL) -> [String: Data] {
        snapshot(root, excluding: [".git/objects"])
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
