/// The parsed options of `udm-normalize normalize`.
struct NormalizeOptions {
    enum Format: String { case json, kv, `import` }

    var format = Format.json
    var mappingsDirectory: String?
    var logType: String?
    var maxDiagnostics = 100
    var paths: [String] = []
    var showHelp = false
    var output: String?
    var deadLetter: String?
    var dedupe = false
    var jobs: Int?
    var quiet = false
    var maxRecordBytes = 16 << 20
    var importMaxBytes = 1_000_000
    var maxFieldBytes = 64 << 10
    var maxLabels = 1000

    init(parsing arguments: [String]) throws(UsageError) {
        var iterator = arguments.makeIterator()
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
                guard let value = iterator.next() else { throw UsageError(message: "\(name) needs a value") }
                return value
            }
            func number(minimum: Int) throws(UsageError) -> Int {
                let text = try take()
                guard let value = Int(text), value >= minimum else { throw UsageError(message: "\(name) takes a whole number of at least \(minimum), not '\(text)'") }
                return value
            }
            switch name {
            case "--": onlyPaths = true
            case "-h", "--help": showHelp = true
            case "--format":
                let text = try take()
                guard let format = Format(rawValue: text) else { throw UsageError(message: "--format must be json, kv or import, not '\(text)'") }
                self.format = format
            case "--mappings": mappingsDirectory = try take()
            case "--log-type": logType = try take()
            case "--max-diagnostics": maxDiagnostics = try number(minimum: 0)
            case "-o", "--output": output = try take()
            case "--dead-letter": deadLetter = try take()
            case "--dedupe": dedupe = true
            case "-j", "--jobs": jobs = try number(minimum: 1)
            case "-q", "--quiet": quiet = true
            case "--max-record-bytes": maxRecordBytes = try number(minimum: 1024)
            case "--import-max-bytes": importMaxBytes = try number(minimum: 1024)
            case "--max-field-bytes": maxFieldBytes = try number(minimum: 64)
            case "--max-labels": maxLabels = try number(minimum: 0)
            default: throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }
}
