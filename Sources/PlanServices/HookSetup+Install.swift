import Foundation
import PlanGit

/// `hooks install` and `hooks uninstall`: the pre-commit, prepare-commit-msg and pre-applypatch
/// hooks (the drivers are ``HookSetup/configureDiffDriver()``, another call, so that what was
/// installed is said even when the drivers then fail).
extension HookSetup {
    public enum Installed: Equatable {
        case installed
        /// A hook of the user's replaced (`force`).
        case replaced
        /// acctplan's block added to the top of a shell hook of the user's (`chain`).
        case chained
        /// A hook of the user's left as it is; whether it is the pre-commit framework's.
        case leftAlone(preCommitFramework: Bool)
    }

    /// Installs acctplan's hook of `kind`, or with `chain` adds acctplan's block to a shell hook
    /// of the user's; a hook of the user's is replaced only with `force`.
    public func installHook(_ kind: GitHook = .preCommit, force: Bool, chain: Bool) throws -> Installed {
        switch Self.existing(at: url(kind)) {
        case .none, .acctplans:
            try writeOwnHook(kind)
            return .installed
        case .foreign(let foreign):
            if force {
                try writeOwnHook(kind)
                return .replaced
            }
            // A hook of the user's that already runs acctplan's block (`--chain` before): the
            // block is brought up to date, whether or not --chain is given again.
            if case .text(let script) = foreign, !chain, Self.unchained(script, kind: kind) != nil {
                try write(Self.chained(script, block: chainBlock(kind), kind: kind), mode: nil, to: kind)
                return .chained
            }
            guard chain else {
                if case .text(let text) = foreign, text.contains("pre-commit.com") { return .leftAlone(preCommitFramework: true) }
                return .leftAlone(preCommitFramework: false)
            }
            let text: String
            switch foreign {
            case .text(let script) where Self.isShellScript(script): text = script
            case .text: throw cannotChain(kind, because: "is not a shell script")
            case .untouchable(let reason): throw cannotChain(kind, because: reason)
            }
            try write(Self.chained(text, block: chainBlock(kind), kind: kind), mode: nil, to: kind)
            return .chained
        }
    }

    /// Removes acctplan's hooks (or its blocks in hooks of the user's) and the drivers'
    /// settings; returns what was removed, empty when nothing was installed.
    public func uninstall() throws -> [HookRemoval] {
        var removed: [HookRemoval] = []
        for kind in GitHook.allCases {
            let hook = url(kind)
            switch Self.existing(at: hook) {
            case .acctplans:
                guard unlink(hook.path) == 0 else {
                    throw ToolFailure("cannot remove \(hook.path): \(String(cString: strerror(errno)))")
                }
                removed.append(.hook(kind.rawValue, path: hook.path))
            case .foreign(let foreign):
                if case .text(let text) = foreign, let without = Self.unchained(text, kind: kind) {
                    try write(without, mode: nil, to: kind)
                    removed.append(.check(path: hook.path))
                }
            case .none:
                break
            }
        }
        do {
            for name in Self.driverSettings where try repository.unsetConfig(name) {
                removed.append(.setting(name))
            }
        } catch let error as GitError {
            throw ToolFailure("cannot change the repository's configuration: \(error)")
        }
        return removed
    }
}

/// One thing `uninstall` removed: said in the reader's language by the command, in English here.
public enum HookRemoval: Sendable, Equatable, CustomStringConvertible {
    /// acctplan's own hook (`pre-commit`, `prepare-commit-msg`, ...), deleted.
    case hook(String, path: String)
    /// acctplan's block in a hook of the user's, taken out of it.
    case check(path: String)
    /// A git setting of the diff or merge driver, unset.
    case setting(String)

    public var description: String {
        switch self {
        case .hook(let kind, let path): "the \(kind) hook \(path)"
        case .check(let path): "acctplan's check from \(path)"
        case .setting(let name): name
        }
    }
}
