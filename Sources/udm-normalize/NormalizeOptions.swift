import UDMNormalizer

/// The parsed options of `udm-normalize normalize`.
struct NormalizeOptions {
    enum Format: String { case json, kv, `import` }

    static let options: [CommandOption] = [
        CommandOption(
            long: "--format", short: "-f", value: "json|kv|import",
            help: """
                json: one compact UDM event a line (default).
                kv: 'path = "value"' lines, one field a line, a blank line between events.
                import: request bodies for the Google SecOps events:import endpoint,
                {"inlineSource":{"events":[{"udm":EVENT},...]}}, one body a line, each at
                most --import-max-bytes long.
                """),
        CommandOption(
            long: "--output", short: "-o", value: "FILE", help: "Write events to FILE instead of standard output."),
        CommandOption(
            long: "--dead-letter", value: "FILE",
            help: """
                Write each failed record to FILE as one JSON line:
                {"origin":"...","reason":"...","raw":"<record text>"}, with "raw_base64"
                instead of "raw" when the bytes are not UTF-8, so every failed record can
                be recovered byte for byte. Only damage longer than --max-record-bytes
                (an oversized record, the unreadable rest of a file) keeps its first
                --max-record-bytes bytes; its reason gives the full size.
                """),
        CommandOption(
            long: "--summary-json", value: "FILE",
            help: """
                Also write the closing summary to FILE as one JSON object (records read,
                normalized, failed, skipped by reason, files, bytes, seconds, notes).
                """),
        .include, .exclude, .dedupe, .jobs, .quiet, .profile, .mappings, .logType,
        CommandOption(
            long: "--max-diagnostics", value: "N",
            help: """
                Print the first N notes (default 10; 0 prints none), then a count per
                rule. Failures are always printed, every one.
                """),
        .maxRecordBytes,
        CommandOption(
            long: "--flush-delay", value: "MS",
            help: """
                When standard input or a pipe has been silent for MS milliseconds
                (default 100), write the events read so far: a live filter for tail -f.
                """),
        CommandOption(
            long: "--import-max-bytes", value: "N", help: "Largest request body for --format import (default 1000000)."),
        CommandOption(
            long: "--max-field-bytes", value: "N",
            help: """
                Longest value written to one UDM field (default \(Normalizer.Options().maxFieldBytes)); a longer one is
                cut, ends with '…[truncated: SIZE bytes]' and gets a diagnostic.
                """),
        CommandOption(
            long: "--max-labels", value: "N",
            help:
                "Most labels per event (default \(Normalizer.Options().maxLabelsPerEvent)); the rest are dropped, with a diagnostic."
        ),
        .help,
    ]

    var format = Format.json
    var mappingsPath: String?
    var profile: String?
    var logType: String?
    var maxDiagnostics = 10
    var paths: [String] = []
    var selection = InputSelection()
    var showHelp = false
    var output: String?
    var deadLetter: String?
    var summaryJSON: String?
    var dedupe = false
    var jobs: Int?
    var quiet = false
    // The library's defaults, read from its options so that they are stated once.
    var maxRecordBytes = Normalizer.Options().maxRecordBytes
    var importMaxBytes = 1_000_000
    var maxFieldBytes = Normalizer.Options().maxFieldBytes
    var maxLabels = Normalizer.Options().maxLabelsPerEvent
    /// How long standard input (or a pipe) may be silent before the events read so far are written.
    var flushDelayMilliseconds = 100

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--help": showHelp = true
            case "--format":
                let text = try take()
                guard let format = Format(rawValue: text) else {
                    throw UsageError(message: "--format must be json, kv or import, not '\(text)'")
                }
                self.format = format
            case "--mappings": mappingsPath = try take()
            case "--profile": profile = try take()
            case "--log-type": logType = try take()
            case "--max-diagnostics": maxDiagnostics = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "--output": output = try take()
            case "--dead-letter": deadLetter = try take()
            case "--summary-json": summaryJSON = try take()
            case "--include": selection.include.append(try take())
            case "--exclude": selection.exclude.append(try take())
            case "--dedupe": dedupe = true
            case "--jobs": jobs = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--quiet": quiet = true
            case "--max-record-bytes":
                maxRecordBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            case "--import-max-bytes":
                importMaxBytes = try ArgumentReader.number(try take(), minimum: 1024, option: name)
            case "--max-field-bytes": maxFieldBytes = try ArgumentReader.number(try take(), minimum: 64, option: name)
            case "--flush-delay":
                flushDelayMilliseconds = try ArgumentReader.number(try take(), minimum: 0, option: name)
            case "--max-labels": maxLabels = try ArgumentReader.number(try take(), minimum: 0, option: name)
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        paths = reader.positional
    }
}
