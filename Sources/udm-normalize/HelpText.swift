/// The `--help` texts. Every command and option is described here or in its option list, and
/// only there; the README's command table repeats the one-line summaries.
enum HelpText {
    static let exitCodes = """
        EXIT CODES (the same for every command)
          0  all good: no record failed, every gate held, no table error, no test failed, diff found no change
          1  the run worked and found something: records failed (normalize; explain of a failed record),
             a gate failed (report exits 1 only then: it is a measurement), a table has errors, a test
             pair failed, diff found changes
          2  usage error: unknown command or option, bad option value (the message says which)
          3  a path could not be read or written: an input, the --mappings file or folder, --output,
             --dead-letter, --summary-json, --html (the message names the path and the reason)
        """

    /// The commands in the order the main help lists them, with their one-line summaries.
    static let commands: [(name: String, help: CommandHelp)] = [
        ("normalize", normalize), ("report", report), ("explain", explain), ("mappings", mappings),
        ("test", test), ("diff", diff), ("rules", rules), ("bench", bench),
    ]

    static var main: String {
        let width = 12
        let list = commands.map {
            "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + $0.help.summary
        }
        return """
            udm-normalize — turn AWS CloudTrail logs and Amazon GuardDuty findings into Google SecOps UDM events

            USAGE
              udm-normalize COMMAND [OPTIONS] [PATH ...]
              udm-normalize help COMMAND        options and exit codes of COMMAND (or COMMAND --help)
              udm-normalize --version           the version and the built-in tables' fingerprint

            COMMANDS
            \(list.joined(separator: "\n"))

            \(exitCodes)
            """ + "\n"
    }

    static let normalize = CommandHelp(
        name: "normalize", summary: "normalize log records into UDM events (NDJSON by default)",
        usage: ["normalize [OPTIONS] [PATH ...]"],
        description: """
            INPUTS
              Each PATH is a file or a folder (read recursively, files in name order: AWSLogs/<account>/
              CloudTrail/<region>/YYYY/MM/DD/ trees work as they are); '-' or no PATH reads standard input.
              Inside a folder, hidden files and folders are skipped (and counted in the summary), and
              --include / --exclude choose files; the expectation files of a samples folder (*.udm.ndjson,
              *.notes.txt, *.expect.kv) and README.md are skipped there too, counted as "excluded
              (expectation files)". A file named as PATH is always read. Gzip is detected
              by content, not by name.
              Record shapes are detected by content: NDJSON; JSON values concatenated with no separator;
              a JSON array; one (pretty-printed) object; CloudTrail S3 files {"Records":[...]} (streamed: a
              file of any size is never held in memory); digest files; GuardDuty {"findings":[...]} and
              {"Findings":[...]}; EventBridge events (the 'detail' is unwrapped; detail-types no table
              handles are skipped); CloudWatch Logs subscription payloads (logEvents[].message, plain or
              base64 + gzip as Kinesis/Firehose deliver them; control messages skipped); CloudTrail
              LookupEvents output (Events[].CloudTrailEvent).

            OUTPUT
              Events go to standard output (or --output), in input order whatever --jobs is. Each failed
              record is always reported on standard error as 'ORIGIN: error: REASON', where ORIGIN is
              file:line[:column] with ':Records[i]'-style suffixes (0-based) inside envelopes; give an
              ORIGIN to 'udm-normalize explain'. Notes (diagnostics on normalized records) are shown as
              'ORIGIN: note: RULE: MESSAGE' for the first --max-diagnostics, then counted by rule.
              A progress line shows on a terminal. The closing summary: records read = normalized +
              failed + skipped, files, bytes, elapsed time and notes.
            """,
        options: NormalizeOptions.options)

    static let report = CommandHelp(
        name: "report", summary: "normalization, classification and field-coverage figures, with gates",
        usage: ["report [OPTIONS] [PATH ...]"],
        description: """
            Reads the same inputs as 'normalize', normalizes every record without writing events, and
            prints, per log type and in total:
              records read, normalized, failed (grouped by reason, with the first origin), skipped;
              normalization rate  = normalized / (read - skipped)
              classification rate = events typed by a specific table row / normalized
                                    (fallback types and required-field downgrades counted apart, with reasons)
              field coverage      = source values read by a rule that wrote a value / all source values,
                                    over occurrences, without null, "" and @opaque / @ignore subtrees
              the top unmapped source paths (array indexes as [*]) with counts and an example value,
              the event-type distribution, and how often each rule (file:line) fired and failed.
            A gate PCT is a percentage, written 90, 90% or 0.9 (a number up to 1 is a fraction); the
            report says which threshold it understood, and each failed gate is named on standard error.
            """,
        options: ReportOptions.options)

    static let explain = CommandHelp(
        name: "explain", summary: "show, for one record, which rule wrote each UDM field and what was left unread",
        usage: ["explain FILE [--record N] [OPTIONS]", "explain ORIGIN [OPTIONS]"],
        description: """
            For one record of FILE ('-' for standard input): every UDM field produced with its value, the
            rule (file:line, so the table it came from) and the source it read; the source fields no rule
            read; the classification decision and any fallback with its reason; diagnostics. With
            --profile, a field a profile wrote names the profile's file (profiles/NAME/FILE.map:LINE).
            The record is the first one, the N-th with --record N, or the one an ORIGIN names as the other
            commands print it: FILE:LINE, FILE:LINE:COLUMN, FILE:1:Records[5] (the index as printed,
            counted from 0), FILE:3:logEvents[0].
            """,
        options: ExplainOptions.options)

    static let mappings = CommandHelp(
        name: "mappings", summary: "check the tables, print them, or write the built-in ones out",
        usage: [
            "mappings check [PATH] [--profile PROFILE]", "mappings print [PATH] [--profile PROFILE] [--log-type TYPE]",
            "mappings dump DIR",
        ],
        description: """
            PATH is a *.map file or a folder of them, loaded over the built-in tables (a file named like a
            built-in table replaces it); without PATH the built-in tables alone.
            check  Lists the files it loaded, then every error (syntax, UDM fields not in the schema,
                   enum values not in their enum, with a suggestion and the valid values) and warning
                   (lookups that can miss with no fallback, rules shadowed by earlier ones, lookup rows
                   that can never match), sorted by file and line as FILE:LINE:COLUMN with FILE as given.
                   Without --profile every output profile is checked over the tables too: the built-in
                   ones, or those of PATH/profiles/NAME/.
            print  The effective tables as Markdown: 'log field | UDM field | logic | rule', one row per rule
                   in priority order, the rule as file:line, then the lookups.
            dump   Writes the built-in tables into DIR (created if needed) as the *.map files they were
                   built from, and each built-in profile's under DIR/profiles/NAME/, so 'cloudtrail.map:29'
                   can be read and copied to start an extension.
            """,
        options: MappingsOptions.options)

    static let test = CommandHelp(
        name: "test", summary: "run a folder of input / expected-output pairs against the tables",
        usage: ["test DIR [--profile PROFILE] [--mappings PATH] [--update]"],
        description: """
            DIR holds cases named by their input, NAME.json (any input shape), each with one or more of:
              NAME.udm.ndjson   the expected UDM events, one a line, compared field by field;
              NAME.notes.txt    the expected failures, skips and notes, one a line, as
                                'DIR/NAME.json:LINE: error: REASON' (DIR's last folder name, as the
                                project's Samples/ write them);
              NAME.expect.kv    'path = "value"' lines (as 'normalize --format kv' prints them) that must
                                each be present in the case's events: for asserting a subset of fields.
            Under --profile (other than 'reference') the expectations are read from DIR/NAME/, the
            profile's folder beside the inputs (Samples/cloudtrail/google-secops/ for the built-in one).
            A case with none of them fails. A difference is shown as '- line' (expected, missing) and
            '+ line (rule)' (produced, not expected).
            """,
        options: TestOptions.options)

    static let diff = CommandHelp(
        name: "diff", summary: "compare two versions of the tables on the same logs",
        usage: [
            "diff --mappings OLD --mappings NEW [OPTIONS] PATH ...",
            "diff --profile OLD --profile NEW [OPTIONS] PATH ...",
        ],
        description: """
            Normalizes the same logs with two versions of the tables (each PATH loaded over the built-in
            tables; 'builtin' names the built-in tables alone) and reports the events whose output changed,
            the fields added, removed and changed per rule, and every report figure before and after.
            Two --profile options compare two output profiles on the same logs; a --mappings or --profile
            given once applies to both sides.
            Exits 1 when any output changed, 0 when none did (as diff(1) does).
            """,
        options: DiffOptions.options)

    static let bench = CommandHelp(
        name: "bench", summary: "measure speed and memory on a generated or given corpus",
        usage: ["bench [OPTIONS] [FILE ...]"],
        description: """
            Build with -c release first. Generates a deterministic corpus of N records (CloudTrail ~1.5 KB
            a record with a mix of services, identities, errors and nested parameters, or GuardDuty ~4 KB
            findings), or uses the FILEs, then measures in one run: the start-up of the whole process on
            an empty input, one CloudTrail record and one GuardDuty finding (with the profile given);
            end-to-end 'normalize' with --jobs 1 and with all cores, alternating, best of R
            rounds, with each run's peak memory; and, on the same bytes, parse-only passes of this
            library's reader and of Foundation's JSONSerialization. Prints MB/s, events/s, ratios and a
            one-line summary. --compare-command runs the normalizers you compare with (a Python script,
            a C++ reference) in the same rounds, so their ratios are taken under the same load.
            """,
        options: BenchCommand.options)
}
