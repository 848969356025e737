import Synchronization

/// The built-in profiles compiled so far: each is compiled on first use and then shared, like the
/// built-in tables.
final class ProfileCache: Sendable {
    static let shared = ProfileCache()

    private let sets = Mutex<[String: MappingSet]>([:])

    /// The set cached under `name`, compiling it with `make` on first use.
    func set(named name: String, make: () throws(MappingError) -> MappingSet) throws(MappingError) -> MappingSet {
        if let cached = sets.withLock({ $0[name] }) { return cached }
        let made = try make()
        return sets.withLock { cache in
            if let raced = cache[name] { return raced }
            cache[name] = made
            return made
        }
    }
}
