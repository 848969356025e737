import Foundation
import UDMNormalizer

/// Dispatches the command line to a command and maps errors to exit codes.
enum CommandLineTool {
    static func run(_ arguments: [String]) -> ExitStatus {
        guard let command = arguments.first else {
            StandardStreams.error(HelpText.main)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "-h", "--help":
            StandardStreams.output(HelpText.main)
            return .success
        case "-V", "--version", "version":
            StandardStreams.output(versionText)
            return .success
        case "help":
            guard let name = rest.first else {
                StandardStreams.output(HelpText.main)
                return .success
            }
            guard let help = HelpText.commands.first(where: { $0.name == name })?.help else {
                StandardStreams.error(
                    "udm-normalize: no command '\(name)'\(suggestion(for: name))\nRun 'udm-normalize --help' for the commands."
                )
                return .usage
            }
            StandardStreams.output(help.text)
            return .success
        case "normalize":
            return runParsed(
                rest, help: HelpText.normalize, parse: NormalizeOptions.init(parsing:), showsHelp: \.showHelp
            ) { NormalizeCommand(options: $0).run() }
        case "report":
            return runParsed(rest, help: HelpText.report, parse: ReportOptions.init(parsing:), showsHelp: \.showHelp) {
                ReportCommand(options: $0).run()
            }
        case "explain":
            return runParsed(rest, help: HelpText.explain, parse: ExplainOptions.init(parsing:), showsHelp: \.showHelp)
            { ExplainCommand(options: $0).run() }
        case "mappings":
            return runParsed(
                rest, help: HelpText.mappings, parse: MappingsOptions.init(parsing:), showsHelp: \.showHelp
            ) { MappingsCommand(options: $0).run() }
        case "test":
            return runParsed(rest, help: HelpText.test, parse: TestOptions.init(parsing:), showsHelp: \.showHelp) {
                TestCommand(options: $0).run()
            }
        case "diff":
            return runParsed(rest, help: HelpText.diff, parse: DiffOptions.init(parsing:), showsHelp: \.showHelp) {
                DiffCommand(options: $0).run()
            }
        case "rules":
            return runParsed(rest, help: HelpText.rules, parse: RulesOptions.init(parsing:), showsHelp: \.showHelp) {
                RulesCommand(options: $0).run()
            }
        case "bench":
            return runParsed(rest, help: HelpText.bench, parse: BenchCommand.init(parsing:), showsHelp: \.showHelp) {
                $0.run()
            }
        default:
            StandardStreams.error(
                "udm-normalize: unknown command '\(command)'\(suggestion(for: command))\nRun 'udm-normalize --help' for the commands."
            )
            return .usage
        }
    }

    /// `udm-normalize 0.1.0 (built-in tables a1b2…: cloudtrail.map, guardduty.map)`.
    static var versionText: String {
        let tables = MappingSet.builtinIdentity
        return
            "udm-normalize \(Normalizer.version) (built-in tables \(tables.fingerprint): \(tables.fileNames.joined(separator: ", ")))"
    }

    private static func suggestion(for command: String) -> String {
        NearestName.nearest(to: command, among: HelpText.commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
    }
}

extension CommandLineTool {
    /// Parses a command's options, shows its help when asked, and maps a usage error to exit code 2.
    static func runParsed<Options>(
        _ arguments: [String], help: CommandHelp,
        parse: ([String]) throws(UsageError) -> Options, showsHelp: KeyPath<Options, Bool>,
        run: (Options) -> ExitStatus
    ) -> ExitStatus {
        // Help is shown even when other arguments are wrong.
        if arguments.contains("-h") || arguments.contains("--help") {
            StandardStreams.output(help.text)
            return .success
        }
        do {
            let options = try parse(arguments)
            if options[keyPath: showsHelp] {
                StandardStreams.output(help.text)
                return .success
            }
            return run(options)
        } catch {
            StandardStreams.error(
                "udm-normalize \(help.name): \(error)\nRun 'udm-normalize help \(help.name)' for its options.")
            return .usage
        }
    }
}

/// Writing to the standard streams without Foundation's buffering surprises.
enum StandardStreams {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
