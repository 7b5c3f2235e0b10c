import Foundation
import PlanSupport
import Testing

struct ConcurrentMapTests {
    @Test(arguments: [nil, 1, 2, 3, 64] as [Int?])
    func resultsKeepIndexOrderWhateverTheThreads(threads: Int?) {
        for count in [0, 1, 2, 7, 1_000] {
            let squares = concurrentMap(count, threads: threads) { $0 * $0 }
            #expect(squares == (0..<count).map { $0 * $0 }, "count \(count), threads \(String(describing: threads))")
        }
    }

    /// ACCTPLAN_THREADS=1: every call runs in order on the calling thread.
    @Test func oneThreadIsAPlainLoopOnTheCallingThread() {
        let caller = pthread_self()
        let order = Order()
        let onCaller = concurrentMap(100, threads: 1) { index -> Bool in
            order.append(index)
            return pthread_equal(pthread_self(), caller) != 0
        }
        #expect(onCaller.allSatisfy { $0 })
        #expect(order.values == Array(0..<100))
    }

    @Test func threadSettingFromTheEnvironment() {
        #expect(WorkerThreads.parse(nil) == nil)
        #expect(WorkerThreads.parse("1") == 1)
        #expect(WorkerThreads.parse("4") == 4)
        for ignored in ["", "0", "-2", "two", " 1", "1.5"] { #expect(WorkerThreads.parse(ignored) == nil, "\(ignored)") }
    }

    private final class Order: @unchecked Sendable {
        private var list: [Int] = []
        private let lock = NSLock()
        func append(_ index: Int) { lock.withLock { list.append(index) } }
        var values: [Int] { lock.withLock { list } }
    }
}
