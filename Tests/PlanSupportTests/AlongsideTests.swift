import Foundation
import PlanSupport
import Testing

/// `alongside`: both results come back; a throwing foreground still waits for the background.
struct AlongsideTests {
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    struct Failure: Error {}

    @Test func bothResultsComeBack() {
        let (first, second) = alongside({ (1...1000).reduce(0, +) }, background: { String(repeating: "x", count: 3) })
        #expect(first == 500_500 && second == "xxx")
    }

    @Test func aThrowingForegroundWaitsForTheBackground() {
        let finished = Flag()
        #expect(throws: Failure.self) {
            _ = try alongside({ () throws -> Int in throw Failure() }, background: {
                Thread.sleep(forTimeInterval: 0.2)
                finished.set()
            })
        }
        #expect(finished.isSet || WorkerThreads.limit == 1, "the error comes after the background work is done")
    }
}
