import UDMNormalizer

/// The parsed options of `udm-normalize report`.
struct ReportOptions {
    static let options: [CommandOption] = [
        CommandOption(
            long: "--json",
            help: """
                Print the report as JSON (schema "udm-normalize/report/v1"; figures
                normalization_rate, classification_rate, field_coverage are 0..1 or null).
                """),
        CommandOption(
            long: "--html", value: "FILE", help: "Also write a self-contained HTML page with SVG charts to FILE."),
        CommandOption(long: "--top", value: "N", help: "How many unmapped paths to list (default 15)."),
        CommandOption(
            long: "--min-rate", value: "PCT",
            help: "Exit 1 when the total normalization rate is below PCT (90, 90% or 0.9)."),
        CommandOption(long: "--min-coverage", value: "PCT", help: "Exit 1 when the total field coverage is below PCT."),
        CommandOption(
            long: "--min-classified", value: "PCT", help: "Exit 1 when the total classification rate is below PCT."),
        CommandOption(
            long: "--rules", value: "PATH",
            help: """
                Also run these YARA-L rules (.yaral files or folders; repeatable) over the
                events: detections per rule and the readiness table (see 'help rules').
                """),
        .include, .exclude, .profile, .mappings, .logType, .jobs, .dedupe, .maxRecordBytes, .quiet, .help,
    ]

    var paths: [String] = []
    var selection = InputSelection()
    var showHelp = false
    var json = false
    var html: String?
    var top = 15
    var minRate: Threshold?
    var minCoverage: Threshold?
    var minClassified: Threshold?
    var mappingsPath: String?
    var profile: String?
    var logType: String?
    var jobs: Int?
    var dedupe = false
    var quiet = false
    var maxRecordBytes = Normalizer.Options().maxRecordBytes
    var rulePaths: [String] = []

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--help": showHelp = true
            case "--json": json = true
            case "--html": html = try take()
            case "--top": top = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--min-rate": minRate = try Threshold(try take(), option: name)
            case "--min-coverage": minCoverage = try Threshold(try take(), option: name)
            case "--min-classified": minClassified = try Threshold(try take(), option: name)
            case "--include": selection.include.append(try take())
            case "--exclude": selection.exclude.append(try take())
            case "--mappings": mappingsPath = try take()
            case "--profile": profile = try take()
            case "--log-type": logType = try take()
            case "--jobs": jobs = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--dedupe": dedupe = true
            case "--rules": rulePaths.append(try take())
            case "--quiet": quiet = true
            case "--max-record-bytes":
                maxRecordBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        paths = reader.positional
    }
}

/// A gate's threshold as a fraction: `90` and `90%` are percentages, a number up to 1 (`0.9`) is
/// a fraction. `text` says how it was understood.
struct Threshold {
    var fraction: Double
    var written: String

    init(_ text: String, option: String) throws(UsageError) {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()) : text), number >= 0, number.isFinite else {
            throw UsageError(message: "\(option) takes a percentage such as 90, 90% or 0.9, not '\(text)'")
        }
        fraction = isPercent || number > 1 ? number / 100 : number
        guard fraction <= 1 else { throw UsageError(message: "\(option) takes a percentage up to 100, not '\(text)'") }
        written = text
    }

    /// `90%`, as the report prints it.
    var percentText: String {
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\((percent * 100).rounded() / 100)%"
    }
}
