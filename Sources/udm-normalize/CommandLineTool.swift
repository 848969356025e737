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
        case "help":
            switch rest.first {
            case nil: StandardStreams.output(HelpText.main)
            case "normalize": StandardStreams.output(HelpText.normalize)
            case "report": StandardStreams.output(HelpText.report)
            case "explain": StandardStreams.output(HelpText.explain)
            case "mappings": StandardStreams.output(HelpText.mappings)
            case "test": StandardStreams.output(HelpText.test)
            case "diff": StandardStreams.output(HelpText.diff)
            case "bench": StandardStreams.output(HelpText.bench)
            case let other?:
                StandardStreams.error("udm-normalize: no command '\(other)'. Run 'udm-normalize --help'.")
                return .usage
            }
            return .success
        case "normalize":
            return runParsed(rest, command: "normalize", help: HelpText.normalize, parse: NormalizeOptions.init(parsing:),
                             showsHelp: \.showHelp) { NormalizeCommand(options: $0).run() }
        case "report":
            return runParsed(rest, command: "report", help: HelpText.report, parse: ReportOptions.init(parsing:),
                             showsHelp: \.showHelp) { ReportCommand(options: $0).run() }
        case "explain": return ToolCommands.explain(rest)
        case "mappings": return ToolCommands.mappings(rest)
        case "test": return ToolCommands.test(rest)
        case "diff": return ToolCommands.diff(rest)
        case "bench":
            do {
                return try BenchCommand(parsing: rest).run()
            } catch {
                if error.message == "help" {
                    StandardStreams.output(HelpText.bench)
                    return .success
                }
                StandardStreams.error("udm-normalize bench: \(error). Run 'udm-normalize help bench'.")
                return .usage
            }
        default:
            StandardStreams.error("udm-normalize: unknown command '\(command)'. Run 'udm-normalize --help'.")
            return .usage
        }
    }
}

extension CommandLineTool {
    /// Parses a command's options, shows its help when asked, and maps a usage error to exit code 2.
    static func runParsed<Options>(_ arguments: [String], command: String, help: String,
                                   parse: ([String]) throws(UsageError) -> Options, showsHelp: KeyPath<Options, Bool>,
                                   run: (Options) -> ExitStatus) -> ExitStatus {
        do {
            let options = try parse(arguments)
            if options[keyPath: showsHelp] {
                StandardStreams.output(help)
                return .success
            }
            return run(options)
        } catch {
            StandardStreams.error("udm-normalize \(command): \(error). Run 'udm-normalize help \(command)'.")
            return .usage
        }
    }
}

/// Writing to the standard streams without Foundation's buffering surprises.
enum StandardStreams {
    static func output(_ text: String) { FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8)) }
}
