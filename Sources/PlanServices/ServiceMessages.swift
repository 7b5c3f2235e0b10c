// What a service says while it works, besides its result and its errors.

/// A warning a service has for the person at the terminal (the command prints it on stderr as
/// `acctplan: warning: MESSAGE` and `  hint: HINT`) as soon as it is said, through the `warn`
/// closure services take; the job itself goes ahead.
public struct ServiceWarning: Equatable, Sendable {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// Where a long service reports how far it is (the command line: a line on a terminal).
public protocol ServiceProgress {
    func update(_ done: Int, of total: Int)
    func finish()
}

/// No progress shown.
public struct NoProgress: ServiceProgress {
    public init() {}
    public func update(_ done: Int, of total: Int) {}
    public func finish() {}
}
