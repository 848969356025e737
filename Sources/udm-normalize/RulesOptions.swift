/// The parsed options of `udm-normalize rules`.
struct RulesOptions {
    static let options: [CommandOption] = [
        CommandOption(
            long: "--rules", value: "PATH",
            help: "A .yaral file or a folder of them (read recursively); repeatable, at least one."),
        CommandOption(
            long: "--udm",
            help: """
                The inputs are normalized UDM events, one JSON object a line (snake_case or
                lowerCamelCase), or 'normalize --format import' bodies; not raw logs.
                """),
        CommandOption(long: "--json", help: "Print the whole result as one JSON object (udm-normalize/rules/v1)."),
        CommandOption(
            long: "--expect", value: "RULE[=N]",
            help: "Exit 1 unless RULE fires at least once (at least N times); repeatable."),
        CommandOption(
            long: "--min-ready", value: "PCT",
            help: """
                Exit 1 when fewer than PCT of the rules are ready: every field their events:
                section needs is written by the tables and filled in some event given.
                """),
        CommandOption(
            long: "--list", value: "NAME=FILE",
            help: """
                Load reference list %NAME from FILE: one value a line, // comments; rules
                read it as text, 'in regex %NAME' or 'in cidr %NAME'. Repeatable.
                """),
        CommandOption(
            long: "--context", value: "FILE",
            help: """
                UDM entities, one JSON object a line, for rules over entity-graph variables
                ($x.graph...); without it such rules are reported as needing Google context.
                """),
        CommandOption(long: "--detections", value: "N", help: "How many detections to show per rule (default 10)."),
        .include, .exclude, .profile, .mappings, .logType, .jobs, .quiet, .help,
    ]

    var paths: [String] = []
    var rulePaths: [String] = []
    var selection = InputSelection()
    var showHelp = false
    var udm = false
    var json = false
    var expectations: [(rule: String, count: Int)] = []
    var minReady: Threshold?
    var lists: [(name: String, file: String)] = []
    var context: String?
    var shownDetections = 10
    var mappingsPath: String?
    var profile: String?
    var logType: String?
    var jobs: Int?
    var quiet = false

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--help": showHelp = true
            case "--rules": rulePaths.append(try take())
            case "--udm": udm = true
            case "--json": json = true
            case "--expect":
                let text = try take()
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard let rule = parts.first, !rule.isEmpty else {
                    throw UsageError(message: "--expect takes RULE or RULE=N, not '\(text)'")
                }
                let count = parts.count == 2 ? try ArgumentReader.number(parts[1], minimum: 1, option: name) : 1
                expectations.append((rule, count))
            case "--min-ready": minReady = try Threshold(try take(), option: name)
            case "--list":
                let text = try take()
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw UsageError(message: "--list takes NAME=FILE, not '\(text)'")
                }
                lists.append((parts[0].hasPrefix("%") ? String(parts[0].dropFirst()) : parts[0], parts[1]))
            case "--context": context = try take()
            case "--detections":
                shownDetections = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "--include": selection.include.append(try take())
            case "--exclude": selection.exclude.append(try take())
            case "--mappings": mappingsPath = try take()
            case "--profile": profile = try take()
            case "--log-type": logType = try take()
            case "--jobs": jobs = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--quiet": quiet = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        paths = reader.positional
        if rulePaths.isEmpty && !showHelp {
            throw UsageError(message: "give the rules with --rules PATH (a .yaral file or a folder)")
        }
    }
}
