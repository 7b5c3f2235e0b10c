import Foundation
import PlanGit

/// `hooks install` and `hooks uninstall`: the pre-commit hook (the diff driver is
/// ``HookSetup/configureDiffDriver()``, a second call, so that what was installed is said even
/// when the driver then fails).
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

    /// Installs acctplan's hook, or with `chain` adds acctplan's block to a shell hook of the
    /// user's; a hook of the user's is replaced only with `force`.
    public func installHook(force: Bool, chain: Bool) throws -> Installed {
        switch Self.existing(at: hook) {
        case .none, .acctplans:
            try writeOwnHook()
            return .installed
        case .foreign(let foreign):
            if force {
                try writeOwnHook()
                return .replaced
            }
            guard chain else {
                if case .text(let text) = foreign, text.contains("pre-commit.com") { return .leftAlone(preCommitFramework: true) }
                return .leftAlone(preCommitFramework: false)
            }
            let text: String
            switch foreign {
            case .text(let script) where Self.isShellScript(script): text = script
            case .text: throw cannotChain(because: "is not a shell script")
            case .untouchable(let reason): throw cannotChain(because: reason)
            }
            try write(Self.chained(text, block: chainBlock), mode: nil)
            return .chained
        }
    }

    /// Removes acctplan's hook (or its block in a hook of the user's) and the diff driver's
    /// settings; returns what was removed, empty when nothing was installed.
    public func uninstall() throws -> [String] {
        var removed: [String] = []
        switch Self.existing(at: hook) {
        case .acctplans:
            guard unlink(hook.path) == 0 else {
                throw ToolFailure("cannot remove \(hook.path): \(String(cString: strerror(errno)))")
            }
            removed.append("the pre-commit hook \(hook.path)")
        case .foreign(let foreign):
            if case .text(let text) = foreign, let without = Self.unchained(text) {
                try write(without, mode: nil)
                removed.append("acctplan's check from \(hook.path)")
            }
        case .none:
            break
        }
        do {
            for name in Self.driverSettings where try repository.unsetConfig(name) {
                removed.append(name)
            }
        } catch let error as GitError {
            throw ToolFailure("cannot change the repository's configuration: \(error)")
        }
        return removed
    }
}
