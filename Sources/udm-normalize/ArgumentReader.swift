import Foundation
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

    /// The tables of `--profile NAME|DIR` (a built-in profile, or a folder of profile tables), then
    /// `--mappings DIR` over them; without either, the built-in tables (the `reference` profile).
    static func mappings(_ directory: String?, profile: String? = nil) throws(MappingError) -> MappingSet {
        let base = try profileTables(profile)
        guard let directory else { return base }
        return try MappingSet.load(directory: directory, over: base)
    }

    /// A built-in profile by name, else a profile folder on disk.
    static func profileTables(_ profile: String?) throws(MappingError) -> MappingSet {
        guard let profile else { return .builtin }
        if MappingSet.builtinProfileNames.contains(profile) { return try .builtin(profile: profile) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: profile, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MappingError(file: profile, line: 0, column: 0,
                               message: "--profile: no built-in profile and no folder of that name (built-in: \(MappingSet.builtinProfileNames.joined(separator: ", ")))")
        }
        return try MappingSet.load(profileDirectory: profile)
    }

    /// The tables for a command: `--profile` and `--mappings DIR` over the built-in ones, checked against `--log-type`.
    /// On failure the reason is printed and the exit status returned.
    static func tables(directory: String?, profile: String? = nil, logType: String?, command: String) -> Result<MappingSet, ExitStatus> {
        let mappings: MappingSet
        do {
            mappings = try Self.mappings(directory, profile: profile)
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
