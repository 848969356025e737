/// The parsed options of `udm-normalize normalize`.
struct NormalizeOptions {
    enum Format: String { case json, kv }

    var format = Format.json
    var mappingsDirectory: String?
    var logType: String?
    var maxDiagnostics = 100
    var paths: [String] = []
    var showHelp = false

    init(parsing arguments: [String]) throws(UsageError) {
        var iterator = arguments.makeIterator()
        func value(for option: String) throws(UsageError) -> String {
            guard let value = iterator.next() else { throw UsageError(message: "\(option) needs a value") }
            return value
        }
        var onlyPaths = false
        while let argument = iterator.next() {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            func take() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(for: name)
            }
            switch name {
            case "--":
                onlyPaths = true
            case "-h", "--help":
                showHelp = true
            case "--format":
                let text = try take()
                guard let format = Format(rawValue: text) else { throw UsageError(message: "--format must be json or kv, not '\(text)'") }
                self.format = format
            case "--mappings":
                mappingsDirectory = try take()
            case "--log-type":
                logType = try take()
            case "--max-diagnostics":
                let text = try take()
                guard let number = Int(text), number >= 0 else { throw UsageError(message: "--max-diagnostics takes a whole number, not '\(text)'") }
                maxDiagnostics = number
            default:
                throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }
}
