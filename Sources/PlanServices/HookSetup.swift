import Foundation
import PlanGit
import PlanSupport

/// The git hooks acctplan installs.
public enum GitHook: String, CaseIterable, Sendable {
    /// Lints the staged plans; `git commit --no-verify` skips it, and so does git when it
    /// continues a rebase, cherry-pick or revert.
    case preCommit = "pre-commit"
    /// Refuses merge-conflict markers in the staged plans. git runs it for every commit it makes
    /// with a message, `--no-verify` and the continued rebase, cherry-pick and revert included.
    case prepareCommitMessage = "prepare-commit-msg"
    /// The same check where commits are made from patches: `git am` and `git rebase --apply`
    /// (the default rebase of git before 2.26) run neither hook above.
    case preApplypatch = "pre-applypatch"
}

/// The repository's hooks, diff driver and merge driver as `acctplan hooks` writes them.
public struct HookSetup {
    public let repository: GitRepository
    /// The pre-commit hook's path (``url(_:)`` gives any hook's).
    public let hook: URL
    /// How the hook and the driver name acctplan: `acctplan` (found on PATH) or a quoted path.
    public let binary: String
    /// ` --workspace 'plans'` when the workspace is a sub-folder of the repository.
    public let workspaceArgument: String

    static let marker = "# installed by acctplan hooks install"
    static func blockStart(_ kind: GitHook) -> String {
        switch kind {
        case .preCommit: return "# >>> acctplan: lint the staged plans (added by 'acctplan hooks install --chain') >>>"
        case .prepareCommitMessage, .preApplypatch:
            return "# >>> acctplan: refuse merge-conflict markers in the staged plans (added by 'acctplan hooks install --chain') >>>"
        }
    }
    static let blockEnd = "# <<< acctplan <<<"
    public static let driverSettings = ["diff.acctplan.command", "diff.acctplan.textconv", "merge.acctplan.name", "merge.acctplan.driver"]

    /// `workspace`: `--workspace` (nil: search upwards from the current directory); `binary`: the
    /// `--acctplan` path given, nil for `acctplan` from PATH.
    public init(workspace: String?, binary given: String?) throws {
        let root = try WorkspaceLocation.root(workspace)
        do {
            repository = try GitRepository(discovering: root)
        } catch {
            throw ToolFailure("\(root.path) is not in a git repository")
        }
        guard let workingDirectory = repository.workingDirectory else {
            throw ToolFailure("this is a bare repository: hooks run where commits are made, in a clone")
        }
        let prefix = try GitPaths.relative(root, to: workingDirectory)
        workspaceArgument = prefix.isEmpty ? "" : " --workspace \(Self.shellQuoted(prefix))"
        hook = repository.hooksDirectory.appendingPathComponent("pre-commit")
        if let given {
            let path = GitPaths.realPath(URL(fileURLWithPath: given).standardizedFileURL.path)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ToolFailure("--acctplan \(given): no executable file there")
            }
            binary = Self.shellQuoted(path)
        } else {
            binary = "acctplan"
        }
    }

    /// A hook's path in the repository's hooks folder (`core.hooksPath` respected).
    public func url(_ kind: GitHook) -> URL { repository.hooksDirectory.appendingPathComponent(kind.rawValue) }

    /// The acctplan command a hook runs.
    func command(_ kind: GitHook) -> String {
        switch kind {
        case .preCommit: return "lint --staged\(workspaceArgument)"
        case .prepareCommitMessage, .preApplypatch: return "hooks check-conflicts\(workspaceArgument)"
        }
    }

    /// Whether the repository's `.pre-commit-config.yaml` (the pre-commit framework's) lists the
    /// hook `id` of acctplan's manifest (`acctplan-lint`, `acctplan-conflicts`): then the
    /// framework's hook already runs that check.
    public func frameworkRuns(_ id: String) -> Bool {
        guard let top = repository.workingDirectory,
              let text = try? String(contentsOf: top.appendingPathComponent(".pre-commit-config.yaml"), encoding: .utf8) else { return false }
        // A line `- id: acctplan-lint` or `id: acctplan-lint`, quoted or not, a comment after it.
        return text.split(separator: "\n").contains { line in
            var entry = (line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
            if entry.hasPrefix("- ") { entry = String(entry.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            guard entry.hasPrefix("id:") else { return false }
            let value = entry.dropFirst(3).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value == id
        }
    }

    /// The line that runs a hook's check, from the top of the working tree.
    public func checkCommand(_ kind: GitHook) -> String {
        "(cd \"$(git rev-parse --show-toplevel)\" && \(binary) \(command(kind))) || exit 1"
    }

    /// The command that lints the staged plans, from the top of the working tree.
    public var checkCommand: String { checkCommand(.preCommit) }

    /// Why `--chain` cannot add to a hook, with the line to add by hand.
    public func cannotChain(_ kind: GitHook = .preCommit, because reason: String) -> ToolFailure {
        // The pre-commit hook comes first: nothing else was changed yet. The other two are set
        // up after the rest, which stays set up.
        kind == .preCommit
            ? ToolFailure("\(url(kind).path) \(reason), so acctplan cannot add to it; nothing was changed. "
                + "Make it run this before it commits: \(checkCommand(kind))")
            : ToolFailure("\(url(kind).path) \(reason), so acctplan cannot add to it; it was left as it is (the rest is set up). "
                + "Make it run this before it commits: \(checkCommand(kind))")
    }

    public func chainBlock(_ kind: GitHook) -> String { "\(Self.blockStart(kind))\n\(checkCommand(kind))\n\(Self.blockEnd)\n" }

    public var chainBlock: String { chainBlock(.preCommit) }

    func ownHook(_ kind: GitHook) -> String {
        let purpose = switch kind {
        case .preCommit: "# Lints the plans as they are staged; 'git commit --no-verify' skips it."
        case .prepareCommitMessage:
            """
            # Refuses to record merge-conflict markers in a staged plan. git runs this hook also where
            # it skips the pre-commit hook: when it continues a rebase, cherry-pick or revert, and
            # for 'git commit --no-verify'.
            """
        case .preApplypatch:
            """
            # Refuses to record merge-conflict markers in a plan when git makes a commit from a patch:
            # 'git am', and 'git rebase --apply' when it continues after a conflict.
            """
        }
        return """
        #!/bin/sh
        \(Self.marker)
        \(purpose)
        acctplan=\(binary)
        if ! command -v "$acctplan" >/dev/null 2>&1; then
            echo "acctplan: the \(kind.rawValue) hook cannot run $acctplan: not found; put acctplan on PATH, or run 'acctplan hooks install --acctplan PATH'" >&2
            exit 1
        fi
        cd "$(git rev-parse --show-toplevel)" || exit 1
        exec "$acctplan" \(command(kind))

        """
    }

    /// What is at the hook's path now.
    public enum Existing { case none, acctplans, foreign(ForeignHook) }

    /// A pre-commit hook that is not acctplan's.
    public enum ForeignHook {
        /// A file of text acctplan may edit (add or remove its block).
        case text(String)
        /// Something acctplan must never rewrite, and why: a link (rewriting would replace it by a
        /// copy, or change the file it shares) or a compiled program (not text).
        case untouchable(String)
    }

    public static func existing(at hook: URL) -> Existing {
        var status = stat()
        guard lstat(hook.path, &status) == 0 else { return .none } // lstat: a dangling link is a hook too
        if status.st_mode & S_IFMT == S_IFLNK { return .foreign(.untouchable("is a link")) }
        guard status.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: hook.path),
              !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            return .foreign(.untouchable("is not a text file"))
        }
        return text.contains(marker) ? .acctplans : .foreign(.text(text))
    }

    public func writeOwnHook(_ kind: GitHook = .preCommit) throws { try write(ownHook(kind), mode: 0o755, to: kind) }

    /// Replaces a hook's content through a temporary file and a rename; `mode` nil keeps the
    /// current file's mode.
    public func write(_ text: String, mode: mode_t?, to kind: GitHook = .preCommit) throws {
        let hook = url(kind)
        let folder = hook.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var status = stat()
        let keptMode = stat(hook.path, &status) == 0 ? status.st_mode & 0o7777 : 0o755
        let temporary = folder.appendingPathComponent(".\(kind.rawValue).acctplan-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw ToolFailure("cannot write \(hook.path): \(error.localizedDescription)")
        }
        chmod(temporary.path, mode ?? keptMode)
        guard rename(temporary.path, hook.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ToolFailure("cannot write \(hook.path): \(reason)")
        }
    }

    /// What git hands the merge driver: the marker size `%L` (the file's `conflict-marker-size`,
    /// longer in the inner merges of a recursive merge), the labels `%X %S %Y` (git 2.44 and
    /// later; older git passes them through unexpanded and the driver then uses its own), the
    /// three versions and the path.
    public static let mergeDriverPlaceholders = "--marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"

    public func configureDiffDriver() throws {
        do {
            try repository.setConfig("diff.acctplan.command", "\(binary) diff --external")
            try repository.setConfig("diff.acctplan.textconv", "\(binary) textconv")
            // The merge driver (docs/merge.md), for the files .gitattributes marks merge=acctplan.
            try repository.setConfig("merge.acctplan.name", "acctplan: plans merged row by row")
            try repository.setConfig("merge.acctplan.driver", "\(binary) merge-driver\(workspaceArgument) \(Self.mergeDriverPlaceholders)")
        } catch let error as GitError {
            throw ToolFailure("the diff driver could not be configured: \(error)")
        }
    }

    /// Whether a hook is run by a POSIX shell (no `#!` line counts: git runs it with sh).
    public static func isShellScript(_ text: String) -> Bool {
        guard text.hasPrefix("#!") else { return true }
        let line = text.prefix { $0 != "\n" }.dropFirst(2)
        let words = line.split(separator: " ")
        let interpreter = (words.first?.hasSuffix("/env") == true ? words.dropFirst().first : words.first) ?? ""
        let name = interpreter.split(separator: "/").last ?? ""
        return ["sh", "bash", "dash", "ksh", "zsh"].contains(String(name))
    }

    /// `text` with `block` right after its `#!` line (replacing an earlier block of `kind`): it
    /// runs first, before an `exec` further down could end the script.
    public static func chained(_ text: String, block: String, kind: GitHook = .preCommit) -> String {
        let base = unchained(text, kind: kind) ?? text
        guard base.hasPrefix("#!") else { return block + base }
        let lineEnd = base.firstIndex(of: "\n").map { base.index(after: $0) } ?? base.endIndex
        let shebang = base[..<lineEnd]
        return String(shebang) + (shebang.hasSuffix("\n") ? "" : "\n") + block + base[lineEnd...]
    }

    /// `text` without acctplan's block of `kind`; nil when it has none.
    public static func unchained(_ text: String, kind: GitHook = .preCommit) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: blockStart(kind)),
              let end = lines[start...].firstIndex(of: blockEnd) else { return nil }
        lines.removeSubrange(start...end)
        return lines.joined(separator: "\n")
    }

    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static func onPath(_ name: String) -> String? {
        for folder in (Environment.value("PATH") ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
