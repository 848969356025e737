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
    var profile: String?
    var logType: String?
    var jobs: Int?
    var dedupe = false
    var quiet = false
    var maxRecordBytes = 16 << 20

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "-h", "--help": showHelp = true
            case "--json": json = true
            case "--html": html = try take()
            case "--top": top = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--min-rate": minRate = try ArgumentReader.percent(try take(), option: name)
            case "--min-coverage": minCoverage = try ArgumentReader.percent(try take(), option: name)
            case "--min-classified": minClassified = try ArgumentReader.percent(try take(), option: name)
            case "--mappings": mappingsDirectory = try take()
            case "--profile": profile = try take()
            case "--log-type": logType = try take()
            case "-j", "--jobs": jobs = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--dedupe": dedupe = true
            case "-q", "--quiet": quiet = true
            case "--max-record-bytes": maxRecordBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            default: throw UsageError(message: "unknown option '\(name)'")
            }
        }
        paths = reader.positional
    }
}
