import PlanGit
import PlanWorkspace

/// An environment problem acctplan cannot work around (no workspace, an unreadable repository, a
/// refused commit, a file that cannot be written): one message for the person at the terminal,
/// an optional hint, and exit status 2. The command line turns every such error into
/// `acctplan: error: MESSAGE` (and `  hint: HINT`) in one place, `AcctplanCommand.run`; services
/// throw them and nobody in between catches them to re-word them.
///
/// Content problems (a plan with a lint error) are never thrown: they are diagnostics.
public protocol UserFacingError: Error {
    /// What went wrong, with the path or revision it concerns; one sentence, no "error:" prefix.
    var message: String { get }
    /// What to do about it, when the message does not already say so.
    var hint: String? { get }
}

extension UserFacingError {
    public var hint: String? { nil }
    /// The exit status of a command that stops on this error.
    public var exitStatus: Int32 { 2 }
}

/// acctplan could not do the job: one clear line, exit 2.
public struct ToolFailure: UserFacingError {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension WorkspaceError: UserFacingError {
    public var message: String { description }
}

extension AtomicFile.Failure: UserFacingError {
    public var message: String { description }
}

extension GitCommitSession.Failure: UserFacingError {
    public var message: String { description }
}

/// A libgit2 failure while reading: "cannot read the repository: …". Services that write (commit)
/// say what was left unchanged instead (``GitWriteFailure``).
extension GitError: UserFacingError {
    public var message: String { "cannot read the repository: \(description)" }
}

/// A libgit2 failure while committing: nothing was changed.
public struct GitWriteFailure: UserFacingError {
    public let error: GitError
    public var message: String { "git: \(error); nothing was changed" }
}
