/// Runs async work one piece at a time, in arrival order, without blocking a thread while waiting.
///
/// The in-memory store passes every transaction through one queue, so transactions never interleave.
public actor TransactionQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Waits for the work queued before, then runs `work`.
    public func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await work()
    }
}
