import UDMNormalizer

/// The parsed options of `udm-normalize diff`.
struct DiffOptions {
    static let options: [CommandOption] = [
        CommandOption(
            long: "--mappings", value: "PATH",
            help: """
                Give twice: the OLD tables, then the NEW ('builtin' for the built-in
                tables); given once, it applies to both sides.
                """),
        CommandOption(
            long: "--profile", value: "NAME|DIR",
            help: """
                Give twice to compare two output profiles on the same logs (OLD, then
                NEW); given once, it applies to both sides.
                """),
        CommandOption(
            long: "--limit", short: "-n", value: "N",
            help: "Show at most N changed events (default 5), then '… and N more'."),
        CommandOption(long: "--json", help: "Print the comparison as one JSON object."),
        CommandOption(
            long: "--rules", value: "PATH",
            help: """
                Also run these YARA-L rules (.yaral files or folders; repeatable) on both
                sides and show which rules gain or lose detections.
                """),
        .include, .exclude, .help,
    ]

    var tables: [String] = []
    var profiles: [String] = []
    var paths: [String] = []
    var selection = InputSelection()
    var limit = 5
    var json = false
    var showHelp = false
    var rulePaths: [String] = []

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--mappings": tables.append(try take())
            case "--profile": profiles.append(try take())
            case "--limit": limit = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "--json": json = true
            case "--rules": rulePaths.append(try take())
            case "--include": selection.include.append(try take())
            case "--exclude": selection.exclude.append(try take())
            case "--help": showHelp = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        guard !showHelp else { return }
        guard tables.count <= 2, profiles.count <= 2, tables.count == 2 || profiles.count == 2 else {
            throw UsageError(
                message:
                    "give --mappings OLD --mappings NEW ('builtin' names the built-in tables), or --profile OLD --profile NEW (one of the other applies to both sides)"
            )
        }
        guard !reader.positional.isEmpty else { throw UsageError(message: "give the logs to compare on (PATH ...)") }
        paths = reader.positional
    }
}

/// `udm-normalize diff`: what a table change does to real logs; exit 1 when any output changed.
struct DiffCommand {
    let options: DiffOptions

    func run() -> ExitStatus {
        var sides: [MappingSet] = []
        for side in 0..<2 {
            // A side's tables and profile; one given applies to both sides.
            let path = options.tables.isEmpty ? nil : options.tables[min(side, options.tables.count - 1)]
            let profile = options.profiles.isEmpty ? nil : options.profiles[min(side, options.profiles.count - 1)]
            switch TableLoader.tables(path, profile: profile, command: "diff") {
            case .success(let tables): sides.append(tables)
            case .failure(let status): return status
            }
        }
        let expansion = options.selection.expand(options.paths)
        if let problem = expansion.paths.lazy.compactMap({ expansion.problems[$0] }).first {
            StandardStreams.error(
                "\(problem.path): error: cannot read: \(problem.reason)\(problem.advice.map { " (\($0))" } ?? "")")
            return .pathUnusable
        }
        let diff: TableDiff
        do {
            diff = try TableDiff.run(
                old: Normalizer(mappings: sides[0]), new: Normalizer(mappings: sides[1]), paths: expansion.paths)
        } catch {
            StandardStreams.error("udm-normalize diff: \(error)")
            return .pathUnusable
        }
        var rulesDiff: RuleDetectionDiff?
        if !options.rulePaths.isEmpty {
            switch RuleSetLoader.load(options.rulePaths, command: "diff") {
            case .success(let rules):
                rulesDiff = RuleDetectionDiff(rules: rules, old: sides[0], new: sides[1], paths: expansion.paths)
            case .failure(let status): return status
            }
        }
        if options.json {
            let json = diff.json(examples: options.limit)
            StandardStreams.output(rulesDiff?.adding(to: json) ?? json)
        } else {
            StandardStreams.output(diff.text(examples: options.limit) + (rulesDiff.map { "\n" + $0.text } ?? ""))
        }
        if expansion.expectationFiles > 0 {
            StandardStreams.error("files: \(expansion.expectationFiles) excluded (expectation files)")
        }
        let rulesChanged = !(rulesDiff?.changes.isEmpty ?? true)
        return diff.changedEvents.isEmpty && diff.outcomeChanges.isEmpty && !rulesChanged ? .success : .findings
    }
}
