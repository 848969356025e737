import UDMNormalizer

/// The parsed options of `udm-normalize test`.
struct TestOptions {
    static let options: [CommandOption] = [
        CommandOption(
            long: "--profile", value: "NAME|DIR",
            help: """
                The output profile to test (default 'reference'); under another profile
                the expectations are read from DIR/NAME/ (e.g. the google-secops folder
                beside the inputs). A built-in profile's name or a folder of its tables.
                """),
        .mappings,
        CommandOption(
            long: "--update",
            help: """
                Rewrite NAME.udm.ndjson and NAME.notes.txt of each failing case to what
                the tables now produce, after showing the difference (review it, e.g.
                with 'git diff'). NAME.expect.kv files are never rewritten.
                """),
        .help,
    ]

    var directory = ""
    var mappingsPath: String?
    var profile: String?
    var update = false
    var showHelp = false

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--mappings": mappingsPath = try take()
            case "--profile": profile = try take()
            case "--update": update = true
            case "--help": showHelp = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        guard showHelp || reader.positional.count == 1 else {
            throw UsageError(message: "give one DIR of NAME.json cases")
        }
        directory = reader.positional.first ?? ""
    }
}

/// `udm-normalize test`: a folder of cases against the tables; exit 1 when a case fails.
struct TestCommand {
    let options: TestOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        switch TableLoader.tables(options.mappingsPath, profile: options.profile, command: "test") {
        case .success(let tables): mappings = tables
        case .failure(let status): return status
        }
        if let problem = PathProblem.reading(options.directory, as: .folder) {
            StandardStreams.error("udm-normalize test: cannot read \(problem)")
            return .pathUnusable
        }
        let results: [SampleTestRunner.CaseResult]
        do {
            results = try SampleTestRunner.run(
                directory: options.directory, normalizer: Normalizer(mappings: mappings), update: options.update)
        } catch {
            StandardStreams.error("udm-normalize test: \(error)")
            return .pathUnusable
        }
        for result in results {
            StandardStreams.output("\(result.passed ? "PASS" : "FAIL") \(result.name)")
            for difference in result.differences { StandardStreams.output(difference) }
            for file in result.updated { StandardStreams.output("  updated \(file)") }
        }
        let failed = results.filter { !$0.passed }.count
        let updated = results.filter { !$0.updated.isEmpty }.count
        StandardStreams.output(
            "\(results.count - failed) passed, \(failed) failed" + (options.update ? ", \(updated) updated" : ""))
        return failed > 0 && !(options.update && updated == failed) ? .findings : .success
    }
}
