import Foundation

/// What the serving thread is told, in order: messages from the editor (read and parsed on the
/// reader thread) and the results of workspace-wide work (done on the loading queue).
enum ServerEvent: Sendable {
    /// A JSON-RPC message (an object).
    case message(JSON)
    /// A framed body that is not a JSON object: answered with a parse error.
    case unparseable
    /// Bytes that are not a frame (a bad header, a body over the limit): skipped.
    case malformed(String)
    /// Work done on the loading queue (``LanguageServer/scheduleLoad()``).
    case loaded(WorkspaceLoad)
    /// The editor closed the pipe.
    case endOfInput
    /// Time to look whether files changed on disk (``LanguageServer/startDiskWatch()``).
    case lookAtDisk
    /// The plan files and folders as first seen, for those looks.
    case planTree(PlanTree)

    /// Whether it came from the editor (counted for ``LanguageServer/idle``).
    var isInput: Bool {
        switch self {
        case .message, .unparseable, .malformed: return true
        case .loaded, .endOfInput, .lookAtDisk, .planTree: return false
        }
    }
}

/// The events of one server, first in first out, shared by the reader thread, the loading queue
/// and the serving thread; and the ids of requests the editor cancelled, recorded as soon as the
/// cancellation is read, so that a request still queued behind slow work is refused, not run;
/// and the generation of the newest full load, so that the loading queue skips superseded ones.
///
/// `@unchecked Sendable`: every stored `var` is read and written only with `condition` locked.
/// An `NSCondition` rather than `Synchronization.Mutex`: on Linux the latter locks with raw futex
/// calls that ThreadSanitizer cannot see, so `scripts/sanitize thread` reported its guarded
/// accesses as races; a pthread lock it understands.
final class EventQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [ServerEvent] = []
    /// Index of the next event to take; the array is compacted when it passes half.
    private var head = 0
    private var cancelled: Set<JSON> = []
    /// The newest full load asked for (``LanguageServer/scheduleLoad()``).
    private var latestLoad = 0

    /// Appends `batch` at once: a burst of messages read together is seen together.
    func push(_ batch: [ServerEvent]) {
        guard !batch.isEmpty else { return }
        condition.withLock { events += batch }
        condition.signal()
    }

    /// The next event, waiting for one if there is none.
    func next() -> ServerEvent {
        condition.lock()
        defer { condition.unlock() }
        while head == events.count { condition.wait() }
        let event = events[head]
        // The slot lets go of what the event carries at once: a full load holds every plan of the
        // workspace, and a slot kept until the next compaction (64 events on) kept each reload's
        // workspace alive — 24 MB per save of acctplan.yml on 2,000 plans (a newcomer trial).
        events[head] = .unparseable
        head += 1
        if head > 64, head * 2 > events.count {
            events.removeFirst(head)
            head = 0
        }
        return event
    }

    /// Whether no event is waiting.
    var isEmpty: Bool { condition.withLock { head == events.count } }

    /// Records that the editor cancelled request `id` (`$/cancelRequest`).
    func cancel(_ id: JSON) { _ = condition.withLock { cancelled.insert(id) } }

    /// Whether request `id` was cancelled.
    func isCancelled(_ id: JSON) -> Bool { condition.withLock { cancelled.contains(id) } }

    /// A new full load is asked for: its generation number. Older loads not yet begun are skipped.
    func newLoad() -> Int {
        condition.withLock {
            latestLoad += 1
            return latestLoad
        }
    }

    /// Whether load `generation` is still the newest asked for.
    func isLatestLoad(_ generation: Int) -> Bool { condition.withLock { latestLoad == generation } }

    /// Forgets a cancellation once it has been acted on (its request comes before it).
    func forget(_ id: JSON) { _ = condition.withLock { cancelled.remove(id) } }
}
