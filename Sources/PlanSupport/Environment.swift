#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One variable of the process's environment. `ProcessInfo.processInfo.environment` builds a
/// dictionary of every variable at each use — 0.7 ms of a small `acctplan diff` went to that
/// (docs/performance.md, "Issue 17, tenth round"); `getenv` reads the one asked for. acctplan
/// never changes its own environment, so reading it from any thread is safe.
public enum Environment {
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
