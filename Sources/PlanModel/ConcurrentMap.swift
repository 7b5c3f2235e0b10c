import Dispatch
import Foundation

/// Runs `transform` for every index in `0..<count` on all cores and returns the results in index
/// order. The one place where work is spread over threads: parsing plans, running rules,
/// computing rollup figures, comparing folders.
public func concurrentMap<T>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let results = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.set(index, transform(index))
    }
    return results.values
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
