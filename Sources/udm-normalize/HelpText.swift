/// The `--help` texts. Every command and option is described here, and only here.
enum HelpText {
    static let exitCodes = """
    EXIT CODES
      0  every record was normalized (or deliberately skipped)
      1  at least one record failed (each failure is reported on stderr and in --dead-letter)
      2  usage error (unknown command or option, bad option value)
      3  an input could not be read at all (missing path, unreadable file, bad --mappings directory)
    """

    static let main = """
    udm-normalize — turn AWS CloudTrail logs into Google SecOps UDM events

    USAGE
      udm-normalize <command> [options] [PATH ...]

    COMMANDS
      normalize     Normalize records and write UDM events (NDJSON by default)
      report        Normalization-rate, classification and field-coverage figures, with gates
      explain       Show, for one record, which rule wrote each UDM field and what was left unread
      mappings      'mappings check [DIR]' lints tables; 'mappings print' lists them as Markdown
      test          Run a folder of input / expected-output pairs against the tables
      diff          Compare two versions of the tables on the same logs
      bench         Measure speed and memory on a generated or given corpus
      help [CMD]    Show help for a command

    Run 'udm-normalize help normalize' for the options of a command.

    \(exitCodes)
    """

    static let normalize = """
    udm-normalize normalize — normalize log records into UDM

    USAGE
      udm-normalize normalize [options] [PATH ...]

    INPUTS
      Each PATH is a file or a folder (read recursively, files in name order, hidden files skipped:
      AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ trees work as they are); '-' or no PATH
      reads standard input. Gzip is detected by content, not by name.
      Record shapes are detected by content: NDJSON; JSON values concatenated with no separator;
      a JSON array; one (pretty-printed) object; CloudTrail S3 files {"Records":[...]} (streamed: a
      file of any size is never held in memory); digest files; GuardDuty {"findings":[...]} and
      {"Findings":[...]}; EventBridge events (the 'detail' is unwrapped; detail-types no table
      handles are skipped); CloudWatch Logs subscription payloads (logEvents[].message, plain or
      base64 + gzip as Kinesis/Firehose deliver them; control messages skipped); CloudTrail
      LookupEvents output (Events[].CloudTrailEvent).

    OUTPUT
      Events go to standard output (or --output), in input order whatever --jobs is. Failures and
      diagnostics go to standard error as 'ORIGIN: error: REASON' / 'ORIGIN: note: RULE: MESSAGE',
      where ORIGIN is file:line[:column] with ':Records[i]'-style suffixes for envelope elements.
      A summary ends the run: records read = normalized + failed + skipped.

    OPTIONS
      --format json|kv|import
                          json: one compact UDM event a line (default).
                          kv: 'path = "value"' lines, one field a line, a blank line between events.
                          import: request bodies for the Google SecOps events:import endpoint,
                          {"inlineSource":{"events":[{"udm":EVENT},...]}}, one body a line, each at
                          most --import-max-bytes long.
      -o, --output FILE   Write events to FILE instead of standard output.
      --dead-letter FILE  Write each failed record to FILE as one JSON line:
                          {"origin":"...","reason":"...","raw":"<record text>"}, with "raw_base64"
                          instead of "raw" when the bytes are not UTF-8, so every failed record can
                          be recovered byte for byte. Only damage longer than --max-record-bytes
                          (an oversized record, the unreadable rest of a file) keeps its first
                          --max-record-bytes bytes; its reason gives the full size.
      --dedupe            Drop records seen before in this run (CloudTrail eventID, GuardDuty id +
                          updatedAt: each table's @dedupe_key); they count as skipped.
      -j, --jobs N        Normalize on N threads (default: all cores).
      -q, --quiet         No progress line (it is shown only when standard error is a terminal).
      --mappings DIR      Load the *.map tables in DIR over the built-in ones: a file named like a
                          built-in table replaces it, other files are added.
      --log-type TYPE     Treat every record as TYPE (e.g. AWS_CLOUDTRAIL) instead of detecting it.
      --max-diagnostics N Print at most N per-record diagnostics (default 100; 0 prints none).
                          Failures are always printed.
      --max-record-bytes N
                          Largest record accepted (default 16777216); a larger one fails alone.
      --flush-delay MS    When standard input or a pipe has been silent for MS milliseconds
                          (default 100), write the events read so far: a live filter for tail -f.
      --import-max-bytes N
                          Largest request body for --format import (default 1000000).
      --max-field-bytes N Longest value written to one UDM field (default 65536); a longer one is
                          cut, ends with '…[truncated: SIZE bytes]' and gets a diagnostic.
      --max-labels N      Most labels per event (default 1000); the rest are dropped, with a diagnostic.
      -h, --help          Show this help.

    \(exitCodes)
    """

    static let report = """
    udm-normalize report — figures to check before shipping a parser change

    USAGE
      udm-normalize report [options] [PATH ...]

    Reads the same inputs as 'normalize' (files, folders, .gz, '-'), normalizes every record without
    writing events, and prints, per log type and in total:
      records read, normalized, failed (grouped by reason, with the first origin), skipped;
      normalization rate  = normalized / (read - skipped)
      classification rate = events typed by a specific table row / normalized
                            (fallback types and required-field downgrades counted apart, with reasons)
      field coverage      = source values read by a rule that wrote a value / all source values,
                            over occurrences, without null, "" and @opaque / @ignore subtrees
      the top unmapped source paths (array indexes as [*]) with counts and an example value,
      the event-type distribution, and how often each rule (file:line) fired and failed.

    OPTIONS
      --json              Print the report as JSON (schema "udm-normalize/report/v1"; figures
                          normalization_rate, classification_rate, field_coverage are 0..1 or null).
      --html FILE         Also write a self-contained HTML page with SVG charts to FILE.
      --top N             How many unmapped paths to list (default 15).
      --min-rate PCT      Exit 1 when the total normalization rate is below PCT percent.
      --min-coverage PCT  Exit 1 when the total field coverage is below PCT percent.
      --min-classified PCT
                          Exit 1 when the total classification rate is below PCT percent.
      --mappings DIR, --log-type TYPE, -j/--jobs N, --dedupe, --max-record-bytes N, -q/--quiet
                          As for 'normalize'.
      -h, --help          Show this help.

    EXIT CODES
      0  every gate holds (or none was given)
      1  a gate failed; each failed gate is named on standard error
      2  usage error
      3  an input could not be read at all
    """

    static let explain = """
    udm-normalize explain — why a record came out the way it did

    USAGE
      udm-normalize explain FILE [--record N] [--mappings DIR] [--log-type TYPE]

    For record N (default 1) of FILE ('-' for standard input): every UDM field produced with its
    value, the rule (file:line, so the table it came from) and the source it read; the source fields
    no rule read; the classification decision and any fallback with its reason; diagnostics.
    """

    static let mappings = """
    udm-normalize mappings — check and print the tables

    USAGE
      udm-normalize mappings check [DIR]
      udm-normalize mappings print [DIR] [--log-type TYPE]

    check  Compiles the built-in tables with DIR's tables over them (or the built-in tables alone)
           and lints them: syntax, UDM paths not in the schema and enum values not in their enum
           are errors (file:line:col); lookups that can miss with no fallback, rules shadowed by
           earlier ones, lookup rows that can never match and duplicate classification keys are
           warnings. Exit 1 when there is an error.
    print  The effective tables as Markdown: 'log field | UDM field | logic', one row per rule in
           priority order, then the lookups.
    """

    static let test = """
    udm-normalize test — check tables against expected output

    USAGE
      udm-normalize test DIR [--mappings EXT]

    DIR holds pairs: NAME.json (any input shape) and NAME.udm.ndjson (the expected UDM events, one
    a line). Each input is normalized with the built-in tables (plus EXT's) and compared field by
    field: '- line' is expected and missing, '+ line (rule)' is produced and not expected.
    Exit 1 when a pair fails.
    """

    static let diff = """
    udm-normalize diff — what a table change does to real logs

    USAGE
      udm-normalize diff --mappings OLD --mappings NEW PATH ...

    Normalizes the same logs with two versions of the tables (each DIR loaded over the built-in
    tables; 'builtin' names the built-in tables alone) and reports the events whose output changed,
    the fields added, removed and changed per rule, and every report figure before and after.
    """

    static let bench = """
    udm-normalize bench — speed and memory, measured (build with -c release first)

    USAGE
      udm-normalize bench [--events N] [--log-type cloudtrail|guardduty] [--rounds R] [--keep DIR] [FILE ...]

    Generates a deterministic corpus of N records (default 200000; CloudTrail ~1.5 KB a record with a
    mix of services, identities, errors and nested parameters, or GuardDuty ~4 KB findings), or uses
    the FILEs, then measures in one run: the start-up of the whole process on an empty input;
    end-to-end 'normalize' (read, parse, map, validate, write UDM NDJSON) with --jobs 1 and with all
    cores, alternating, best of R rounds (default 2), with each run's peak memory; and, on the same
    bytes, parse-only passes of this library's reader and of Foundation's JSONSerialization. Prints
    MB/s, events/s, ratios and a one-line summary. --keep DIR keeps the corpus.
    """
}
