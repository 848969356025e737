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
    /// How long standard input (or a pipe) may be silent before the events read so far are written.
    var flushDelayMilliseconds = 100

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "-h", "--help": showHelp = true
            case "--format":
                let text = try take()
                guard let format = Format(rawValue: text) else { throw UsageError(message: "--format must be json, kv or import, not '\(text)'") }
                self.format = format
            case "--mappings": mappingsDirectory = try take()
            case "--log-type": logType = try take()
            case "--max-diagnostics": maxDiagnostics = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "-o", "--output": output = try take()
            case "--dead-letter": deadLetter = try take()
            case "--dedupe": dedupe = true
            case "-j", "--jobs": jobs = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "-q", "--quiet": quiet = true
            case "--max-record-bytes": maxRecordBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            case "--import-max-bytes": importMaxBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            case "--max-field-bytes": maxFieldBytes = try ArgumentReader.number(try take(), minimum: 64, option: name)
            case "--flush-delay": flushDelayMilliseconds = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "--max-labels": maxLabels = try ArgumentReader.number(try take(), minimum: 0, option: name)
            default: throw UsageError(message: "unknown option '\(name)'")
            }
        }
        paths = reader.positional
    }
}
