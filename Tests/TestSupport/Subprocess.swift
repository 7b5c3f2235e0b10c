import Foundation
import Glibc

/// A child process started with `posix_spawn`, its stdout and stderr drained by a thread of its
/// own from the start, so a child that prints a lot never blocks on a full pipe.
///
/// The tests start processes through this rather than Foundation's `Process`: under
/// AddressSanitizer, swift-corelibs-foundation's `Process.run` (`findMaximumOpenFromProcSelfFD`)
/// is reported as a heap-buffer-overflow, which kept the end-to-end tests out of the ASan run.
public final class Subprocess: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)

        /// The status a shell would show: the exit code, or 128 + the signal number.
        public var shellStatus: Int32 {
            switch self {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        }
    }

    /// What a finished child printed and how it ended.
    public struct Result: Sendable {
        public var termination: Termination
        public var stdout: Data
        public var stderr: Data
        /// The child outlived its time limit and was killed.
        public var timedOut: Bool
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var executable: String
        public var step: String
        public var code: Int32
        public var description: String { "cannot start \(executable): \(step) failed: \(String(cString: strerror(code)))" }
    }

    public let pid: pid_t
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private var termination: Termination?

    /// Starts `executable arguments` in `directory` with exactly `environment` (nothing inherited)
    /// and stdin from /dev/null. The child gets a process group of its own, so a timeout kills
    /// whatever it started too.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        // Close-on-exec: a child started at the same moment by another test must not inherit
        // this child's pipe ends, or neither would see end-of-file until both had exited.
        guard Subprocess.makePipe(&outPipe) == 0 else { throw SpawnError(executable: executable, step: "pipe", code: errno) }
        guard Subprocess.makePipe(&errPipe) == 0 else {
            let code = errno
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError(executable: executable, step: "pipe", code: code)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        Subprocess.addCloseFrom3(&actions)
        let chdirResult = Subprocess.addChdir(&actions, directory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals back to their defaults and none blocked, whatever the test runner changed.
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var childPID: pid_t = 0
        var spawnResult: Int32
        if chdirResult != 0 {
            spawnResult = chdirResult
        } else {
            // ETXTBSY: a test that has just copied a binary (an "installed" acctplan) may exec it
            // while a process another test is starting still holds the copy's write descriptor,
            // inherited across fork until its own exec. The window is short: try again.
            var attempt = 0
            repeat {
                spawnResult = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                    (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                        posix_spawn(&childPID, executable, &actions, &attributes,
                                    argvBuffer.baseAddress!, envpBuffer.baseAddress!)
                    }
                }
                attempt += 1
                if spawnResult == ETXTBSY { usleep(20_000) }
            } while spawnResult == ETXTBSY && attempt < 100
        }
        close(outPipe[1])
        close(errPipe[1])
        guard spawnResult == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw SpawnError(executable: executable, step: chdirResult != 0 ? "chdir to \(directory)" : "posix_spawn",
                             code: spawnResult)
        }
        pid = childPID
        let (outRead, errRead) = (outPipe[0], errPipe[0])
        // A thread of its own, not a Dispatch worker: it blocks in poll and waitpid for the life
        // of the child, and the tests start many children at once.
        let thread = Thread { [self] in monitor(stdoutFD: outRead, stderrFD: errRead) }
        thread.start()
    }

    /// Reads both pipes until end-of-file, then reaps the child.
    private func monitor(stdoutFD: Int32, stderrFD: Int32) {
        var fds = [pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while fds.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let chunk = Data(buffer[0..<count])
                    lock.withLock { if index == 0 { stdoutData += chunk } else { stderrData += chunk } }
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    close(fds[index].fd)
                    fds[index].fd = -1 // poll ignores negative descriptors
                }
            }
        }
        for index in fds.indices where fds[index].fd >= 0 { close(fds[index].fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WTERMSIG are macros Swift does not import: the low 7 bits are the signal.
        let signal = status & 0x7f
        let ended: Termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        lock.withLock { termination = ended }
        finished.signal()
    }

    /// Waits for the end; after `timeout` the child's process group is killed (SIGKILL).
    public func wait(timeout: TimeInterval) -> Result {
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            _ = finished.wait(timeout: .now() + 10)
        }
        return lock.withLock {
            Result(termination: termination ?? .signaled(SIGKILL), stdout: stdoutData, stderr: stderrData,
                   timedOut: timedOut)
        }
    }

    /// Starts, waits and returns in one call.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String], directory: String,
                    timeout: TimeInterval) throws -> Result {
        try Subprocess(executable, arguments, environment: environment, directory: directory).wait(timeout: timeout)
    }

    /// A pipe whose ends are closed on exec (`pipe2` is not imported either; see `glibcAction`).
    private static func makePipe(_ ends: inout [Int32]) -> Int32 {
        guard pipe(&ends) == 0 else { return -1 }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    /// Changes to `directory` in the child (`posix_spawn_file_actions_addchdir_np`, glibc 2.29).
    private static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let addChdir = glibcAction("posix_spawn_file_actions_addchdir_np", as: AddChdir.self) else { return ENOSYS }
        return directory.withCString { addChdir(&actions, $0) }
    }

    /// Closes every descriptor from 3 up in the child (`posix_spawn_file_actions_addclosefrom_np`,
    /// glibc 2.34), so a pipe end made by another test between `pipe` and `fcntl` cannot leak in.
    private static func addCloseFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        _ = glibcAction("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self).map { $0(&actions, 3) }
    }

    /// The GNU extensions of spawn.h are declared only under `_GNU_SOURCE`, which Swift's Glibc
    /// module is not built with: they are looked up at run time.
    private static func glibcAction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
