import Dispatch
import Foundation

/// Runs `transform` for every index in `0..<count` on all cores and returns the results in index
/// order. The one place where work is spread over threads: parsing plans, running rules,
/// computing rollup figures, comparing folders. `ACCTPLAN_THREADS` caps the threads (see
/// ``WorkerThreads``); with 1 it is a plain loop on the calling thread.
public func concurrentMap<T>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    concurrentMap(count, threads: WorkerThreads.limit, transform)
}

/// ``concurrentMap(_:_:)`` with an explicit cap: nil for all cores, 1 for a plain loop on the
/// calling thread, N for at most N threads.
public func concurrentMap<T>(_ count: Int, threads: Int?, _ transform: @Sendable (Int) -> T) -> [T] {
    if count <= 1 || threads == 1 { return (0..<count).map { transform($0) } }
    let results = Slots<T>(count: count)
    guard let threads, threads < count else {
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(index))
        }
        return results.values
    }
    // At most `threads` workers, each taking the next index until none is left.
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        while let index = next.take(below: count) { results.set(index, transform(index)) }
    }
    return results.values
}

/// The thread cap from the environment: `ACCTPLAN_THREADS=N` (a whole number from 1) runs
/// acctplan's parallel work on at most N threads; `ACCTPLAN_THREADS=1` runs it on one, the
/// reference that `scripts/parallel-check` compares the parallel output against. Unset, or
/// anything else: all cores.
public enum WorkerThreads {
    public static let limit: Int? = parse(Environment.value("ACCTPLAN_THREADS"))

    /// A positive whole number, else nil (all cores).
    public static func parse(_ text: String?) -> Int? {
        guard let text, let value = Int(text), value > 0 else { return nil }
        return value
    }
}

/// One slot per index, each written once by the worker that owns the index.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }

    /// Every slot is set once `concurrentPerform` has returned.
    var values: [T] { lock.withLock { storage.map { $0! } } }
}

/// The next index to hand out.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Runs `background` on another thread while the calling thread runs `foreground`, and returns
/// both results once both are done (also when `foreground` throws: its error comes after the
/// background work has finished). The other place work is spread over threads, beside
/// ``concurrentMap(_:_:)``: `rollup --since` reads git history while the working tree is parsed.
/// With `ACCTPLAN_THREADS=1` both run on the calling thread, `foreground` first.
public func alongside<Foreground, Background: Sendable>(_ foreground: () throws -> Foreground,
                                                         background: @escaping @Sendable () -> Background) rethrows
    -> (Foreground, Background)
{
    if WorkerThreads.limit == 1 {
        let first = try foreground()
        return (first, background())
    }
    let slot = Slots<Background>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.set(0, background()) }
    defer { group.wait() }
    let first = try foreground()
    group.wait()
    return (first, slot.values[0])
}
