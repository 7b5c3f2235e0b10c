import Dispatch
import Synchronization

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

    /// Whether it came from the editor (counted for ``LanguageServer/idle``).
    var isInput: Bool {
        switch self {
        case .message, .unparseable, .malformed: return true
        case .loaded, .endOfInput: return false
        }
    }
}

/// The events of one server, first in first out, shared by the reader thread, the loading queue
/// and the serving thread; and the ids of requests the editor cancelled, recorded as soon as the
/// cancellation is read, so that a request still queued behind slow work is refused, not run;
/// and the generation of the newest full load, so that the loading queue skips superseded ones.
///
/// Every stored property is a `Mutex` or a semaphore, so the type is checked `Sendable`.
final class EventQueue: Sendable {
    private struct State {
        var events: [ServerEvent] = []
        /// Index of the next event to take; the array is compacted when it passes half.
        var head = 0
        var cancelled: Set<JSON> = []
        /// The newest full load asked for (``LanguageServer/scheduleLoad()``).
        var latestLoad = 0
    }

    private let state = Mutex(State())
    /// Counts the events not yet taken, so that `next` sleeps while there are none.
    private let available = DispatchSemaphore(value: 0)

    /// Appends `batch` at once: a burst of messages read together is seen together.
    func push(_ batch: [ServerEvent]) {
        guard !batch.isEmpty else { return }
        state.withLock { $0.events += batch }
        for _ in batch { available.signal() }
    }

    /// The next event, waiting for one if there is none.
    func next() -> ServerEvent {
        available.wait()
        return state.withLock { state in
            let event = state.events[state.head]
            state.head += 1
            if state.head > 64, state.head * 2 > state.events.count {
                state.events.removeFirst(state.head)
                state.head = 0
            }
            return event
        }
    }

    /// Whether no event is waiting.
    var isEmpty: Bool { state.withLock { $0.head == $0.events.count } }

    /// Records that the editor cancelled request `id` (`$/cancelRequest`).
    func cancel(_ id: JSON) { _ = state.withLock { $0.cancelled.insert(id) } }

    /// Whether request `id` was cancelled.
    func isCancelled(_ id: JSON) -> Bool { state.withLock { $0.cancelled.contains(id) } }

    /// A new full load is asked for: its generation number. Older loads not yet begun are skipped.
    func newLoad() -> Int { state.withLock { $0.latestLoad += 1; return $0.latestLoad } }

    /// Whether load `generation` is still the newest asked for.
    func isLatestLoad(_ generation: Int) -> Bool { state.withLock { $0.latestLoad == generation } }

    /// Forgets a cancellation once it has been acted on (its request comes before it).
    func forget(_ id: JSON) { _ = state.withLock { $0.cancelled.remove(id) } }
}
