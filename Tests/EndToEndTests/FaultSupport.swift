import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fault runs' generator: SplitMix64 (from TestSupport), so a failing run replays from its seed.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// `ACCTPLAN_FAULT_SEED` when set (to replay a reported failure), else a fresh seed.
    static func seed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["ACCTPLAN_FAULT_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64.max)
    }
}

/// How a child process ended.
enum Termination: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    /// Decodes a `waitpid` status (the W* macros are not imported into Swift).
    init(waitStatus status: Int32) {
        self = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }

    var description: String {
        switch self {
        case .exited(let code): return "exit \(code)"
        case .signalled(let signal): return "signal \(signal)"
        }
    }
}

/// A child started with `posix_spawn` and reaped only here by `waitpid(pid)`: until then it
/// stays a zombie, so a `kill` can never reach a reused process id, and nothing is left behind.
struct SpawnedProcess {
    let pid: pid_t
    /// When it was started (`DispatchTime` nanoseconds).
    let started: UInt64

    struct SpawnFailed: Error, CustomStringConvertible {
        var description: String
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (not exported to Swift by the Glibc module):
    /// the child starts in its own directory without the multi-threaded test process calling chdir.
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Starts `executable args` in `dir` with exactly `environment`; stdin and stdout are
    /// /dev/null, stderr goes to `stderrPath` (truncated).
    init(_ executable: String, _ args: [String], in dir: URL, environment: [String: String], stderrPath: String) throws {
        guard let addChdir = Self.addChdir else { throw SpawnFailed(description: "posix_spawn_file_actions_addchdir_np is missing") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = addChdir(&actions, dir.path)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw SpawnFailed(description: "posix_spawn \(executable): \(String(cString: strerror(rc)))") }
        pid = child
    }

    /// Sends SIGKILL (harmless when the child already exited: it is still our zombie).
    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Seconds since the start.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// Kills the child `seconds` after its start unless it ended before (polling every 50 µs,
    /// which also returns at once when it did); says how it ended and, when it ended by itself
    /// before the deadline, after how many seconds.
    func kill(after seconds: Double) -> (end: Termination, endedBy: Double?) {
        while elapsed < seconds {
            if let end = poll() { return (end, elapsed) }
            usleep(50)
        }
        kill()
        return (wait(), nil)
    }

    /// Reaps the child if it has ended, without blocking.
    func poll() -> Termination? {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid ? Termination(waitStatus: status) : nil
    }

    /// Reaps the child.
    func wait() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Termination(waitStatus: status)
    }
}

/// Runs a helper program to completion (mount, setpriv, chown …) and returns its status and stderr.
enum Helper {
    static func run(_ executable: String, _ args: [String], in dir: URL = URL(fileURLWithPath: "/")) -> (Termination, String) {
        let errorFile = NSTemporaryDirectory() + "acctplan-helper-\(UUID().uuidString).err"
        defer { unlink(errorFile) }
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        guard let process = try? SpawnedProcess(executable, args, in: dir, environment: environment, stderrPath: errorFile) else {
            return (.exited(127), "could not start \(executable)")
        }
        let termination = process.wait()
        let message = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        return (termination, message.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The absolute path of `name` on PATH, if any.
    static func find(_ name: String) -> String? {
        for folder in GitSandbox.inheritedPath.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Whether the machine allows what a privileged fault test needs, and why not when it does not.
/// A test that cannot run is skipped with this reason (Swift Testing records it), never passed.
struct Capability {
    let available: Bool
    let reason: String

    /// Mounting a small tmpfs (full disk) and read-only bind mounts: root with CAP_SYS_ADMIN.
    static let mount: Capability = {
        guard geteuid() == 0 else { return Capability(available: false, reason: "mounting a tmpfs needs root; running as uid \(geteuid())") }
        guard let mount = Helper.find("mount"), let umount = Helper.find("umount") else {
            return Capability(available: false, reason: "mount/umount not found on PATH")
        }
        let point = NSTemporaryDirectory() + "acctplan-mount-probe-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        defer { rmdir(point) }
        let (status, message) = Helper.run(mount, ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point])
        guard status == .exited(0) else {
            return Capability(available: false, reason: "mount -t tmpfs is not permitted here (no CAP_SYS_ADMIN?): \(message)")
        }
        _ = Helper.run(umount, [point])
        return Capability(available: true, reason: "")
    }()

    /// Running acctplan as an unprivileged user: as root through `setpriv` (root ignores file
    /// permissions, so a read-only object database needs another user); as any other user directly.
    static let unprivilegedUser: Capability = {
        guard geteuid() == 0 else { return Capability(available: true, reason: "") }
        guard let setpriv = Helper.find("setpriv") else { return Capability(available: false, reason: "running as root and setpriv (util-linux) is not on PATH") }
        let (status, message) = Helper.run(setpriv, ["--reuid=\(nobody.uid)", "--regid=\(nobody.gid)", "--clear-groups", "/bin/true"])
        guard status == .exited(0) else { return Capability(available: false, reason: "setpriv cannot drop to uid \(nobody.uid): \(message)") }
        return Capability(available: true, reason: "")
    }()

    /// The unprivileged user (nobody) used under root.
    static let nobody: (uid: uid_t, gid: gid_t) = {
        if let entry = getpwnam("nobody") { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        return (65534, 65534)
    }()

    /// strace with fault injection (`-e inject=…:signal=KILL`), permitted to trace.
    static let strace: Capability = {
        if let sanitizer = ProcessInfo.processInfo.environment["ACCTPLAN_SANITIZER"], !sanitizer.isEmpty {
            // The sweep fails each system call in turn, and a sanitized binary's first write is the
            // sanitizer runtime's own (ThreadSanitizer writes 512 KiB of shadow metadata at start):
            // failing it crashes the runtime, which says nothing about acctplan.
            return Capability(available: false, reason: "skipped under \(sanitizer) sanitizer: its runtime's own system calls would be in the sweep")
        }
        guard let strace = Helper.find("strace") else {
            return Capability(available: false, reason: "strace is not installed (apt-get install strace) — the syscall-exact kill sweep needs it")
        }
        let (status, message) = Helper.run(strace, ["-o", "/dev/null", "-e", "inject=getppid:signal=KILL", "/bin/true"])
        guard status == .exited(0) else { return Capability(available: false, reason: "strace cannot trace here (ptrace not permitted?): \(message)") }
        return Capability(available: true, reason: "")
    }()
}
