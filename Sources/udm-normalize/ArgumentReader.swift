import UDMNormalizer

/// Reads `--option value`, `--option=value`, flags and positional arguments, for the commands
/// whose options are few.
struct ArgumentReader {
    private var arguments: [String]
    private(set) var positional: [String] = []

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    /// Calls `handle(name, take)` for each option; `take()` returns the option's value.
    mutating func read(_ handle: (String, () throws(UsageError) -> String) throws(UsageError) -> Void) throws(UsageError) {
        var iterator = arguments.makeIterator()
        var onlyPositional = false
        while let argument = iterator.next() {
            if onlyPositional || argument == "-" || !argument.hasPrefix("-") {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inline: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            let take: () throws(UsageError) -> String = { () throws(UsageError) -> String in
                if let inline { return inline }
                guard let value = iterator.next() else { throw UsageError(message: "\(name) needs a value") }
                return value
            }
            try handle(name, take)
        }
    }

    /// A whole number of at least `minimum` for option `name`.
    static func number(_ text: String, minimum: Int, option name: String) throws(UsageError) -> Int {
        guard let value = Int(text), value >= minimum else { throw UsageError(message: "\(name) takes a whole number of at least \(minimum), not '\(text)'") }
        return value
    }

    /// A percentage from 0 to 100 (a trailing `%` allowed) for option `name`.
    static func percent(_ text: String, option name: String) throws(UsageError) -> Double {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(digits), value >= 0, value <= 100 else { throw UsageError(message: "\(name) takes a percentage from 0 to 100, not '\(text)'") }
        return value
    }

    /// Loads `--mappings` directories over the built-in tables, or the built-in tables.
    static func mappings(_ directory: String?) throws(MappingError) -> MappingSet {
        guard let directory else { return .builtin }
        return try MappingSet.load(directory: directory)
    }

    /// The tables for a command: `--mappings DIR` over the built-in ones, checked against `--log-type`.
    /// On failure the reason is printed and the exit status returned.
    static func tables(directory: String?, logType: String?, command: String) -> Result<MappingSet, ExitStatus> {
        let mappings: MappingSet
        do {
            mappings = try Self.mappings(directory)
        } catch {
            StandardStreams.error("udm-normalize: \(error)")
            return .failure(.inputUnreadable)
        }
        if let logType, !mappings.logTypes.contains(logType) {
            StandardStreams.error("udm-normalize \(command): unknown --log-type '\(logType)' (known: \(mappings.logTypes.joined(separator: ", "))). Run 'udm-normalize help \(command)'.")
            return .failure(.usage)
        }
        return .success(mappings)
    }
}
