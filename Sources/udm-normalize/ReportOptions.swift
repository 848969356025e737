/// The parsed options of `udm-normalize report`.
struct ReportOptions {
    var paths: [String] = []
    var showHelp = false
    var json = false
    var html: String?
    var top = 15
    var minRate: Double?
    var minCoverage: Double?
    var minClassified: Double?
    var mappingsDirectory: String?
    var logType: String?
    var jobs: Int?
    var dedupe = false
    var quiet = false
    var maxRecordBytes = 16 << 20

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
            func percent() throws(UsageError) -> Double {
                let text = try take()
                let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
                guard let value = Double(digits), value >= 0, value <= 100 else { throw UsageError(message: "\(name) takes a percentage from 0 to 100, not '\(text)'") }
                return value
            }
            switch name {
            case "--": onlyPaths = true
            case "-h", "--help": showHelp = true
            case "--json": json = true
            case "--html": html = try take()
            case "--top": top = try number(minimum: 1)
            case "--min-rate": minRate = try percent()
            case "--min-coverage": minCoverage = try percent()
            case "--min-classified": minClassified = try percent()
            case "--mappings": mappingsDirectory = try take()
            case "--log-type": logType = try take()
            case "-j", "--jobs": jobs = try number(minimum: 1)
            case "--dedupe": dedupe = true
            case "-q", "--quiet": quiet = true
            case "--max-record-bytes": maxRecordBytes = try number(minimum: 1024)
            default: throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }
}
