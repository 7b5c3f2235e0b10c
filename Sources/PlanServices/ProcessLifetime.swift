import Foundation

/// Keeps large values alive until the process exits. Tearing down a loaded 10,000-plan
/// workspace (millions of strings and arrays) costs a few hundred milliseconds on one core
/// right before exit, when the operating system would reclaim the memory at once anyway.
/// Services hand their workspace here after use; nothing is ever read back.
public enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    public static func keepUntilExit(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
