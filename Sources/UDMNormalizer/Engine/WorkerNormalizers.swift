import Synchronization

/// One ``Normalizer`` per concurrently running worker, each over its own compiled copy of the tables.
///
/// The compiled tables are reference-counted objects the rule loop retains and releases on every
/// record; shared by two cores, each of those atomic operations pulls the same cache lines back and
/// forth between them. A worker takes a normalizer no other worker holds and gives it back when its
/// batch is done; the first worker uses the normalizer it was given, and each further one that runs
/// at the same time compiles a private copy once (a few milliseconds, on its own thread).
final class WorkerNormalizers: Sendable {
    private let shared: Normalizer
    private let idle: Mutex<[Normalizer]>

    init(_ normalizer: Normalizer) {
        shared = normalizer
        idle = Mutex([normalizer])
    }

    /// Runs `body` with a normalizer no other thread is using meanwhile.
    func withNormalizer<Result>(_ body: (Normalizer) -> Result) -> Result {
        let taken = idle.withLock { $0.popLast() }
        let normalizer = taken ?? shared.withPrivateTables()
        defer { idle.withLock { $0.append(normalizer) } }
        return body(normalizer)
    }
}
