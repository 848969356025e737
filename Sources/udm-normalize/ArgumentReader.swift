import Foundation
import UDMNormalizer

/// Reads a command's arguments against its option list: `--option value`, `--option=value`,
/// `-o value`, `-ovalue`, flags, `--` and positional arguments. Unknown options get the nearest
/// known one as a suggestion.
struct ArgumentReader {
    private var arguments: [String]
    private let options: [CommandOption]
    private(set) var positional: [String] = []

    init(_ arguments: [String], options: [CommandOption]) {
        self.arguments = arguments
        self.options = options
    }

    /// Calls `handle(longName, take)` for each option, in order; `take()` returns the option's value.
    mutating func read(_ handle: (String, () throws(UsageError) -> String) throws(UsageError) -> Void)
        throws(UsageError)
    {
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
            var written = argument
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                written = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            } else if !argument.hasPrefix("--"), argument.count > 2 {
                // `-j4`: a short option with its value attached.
                written = String(argument.prefix(2))
                inline = String(argument.dropFirst(2))
            }
            guard let option = options.first(where: { $0.long == written || $0.short == written }) else {
                throw UsageError.unknownOption(argument, known: options)
            }
            if option.value == nil, let inline {
                throw UsageError(message: "\(option.long) takes no value, not '\(inline)'")
            }
            let take: () throws(UsageError) -> String = { () throws(UsageError) -> String in
                if let inline { return inline }
                guard let value = iterator.next() else {
                    throw UsageError(message: "\(written) needs a value (\(option.value ?? "VALUE"))")
                }
                return value
            }
            try handle(option.long, take)
        }
    }

    /// A whole number of at least `minimum` for option `name`.
    static func number(_ text: String, minimum: Int, option name: String) throws(UsageError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw UsageError(message: "\(name) takes a whole number of at least \(minimum), not '\(text)'")
        }
        return value
    }
}

extension UsageError {
    /// An option no list knows, with the nearest known name when one is close.
    static func unknownOption(_ written: String, known: [CommandOption]) -> UsageError {
        let name = written.split(separator: "=", maxSplits: 1).first.map(String.init) ?? written
        // Every one-letter option is one edit from every other: only long names get a suggestion.
        let hint =
            name.hasPrefix("--")
            ? NearestName.nearest(to: name, among: known.map(\.long)).map { "; did you mean '\($0)'?" } ?? "" : ""
        return UsageError(message: "unknown option '\(name)'\(hint)")
    }
}
