/// The `--help` texts. Every command and option is described here, and only here.
enum HelpText {
    static let main = """
    udm-normalize — turn AWS CloudTrail logs into Google SecOps UDM events

    USAGE
      udm-normalize <command> [options] [PATH ...]

    COMMANDS
      normalize     Normalize records and write UDM events (NDJSON by default)
      help [CMD]    Show help for a command

    Run 'udm-normalize help normalize' for the options of a command.

    EXIT CODES
      0  every record was normalized (or deliberately skipped)
      1  at least one record failed (each failure is reported on stderr)
      2  usage error (unknown command or option, bad option value)
      3  an input could not be read at all (missing path, unreadable file, bad --mappings directory)
    """

    static let normalize = """
    udm-normalize normalize — normalize log records into UDM

    USAGE
      udm-normalize normalize [--format json|kv] [--mappings DIR] [--log-type TYPE] [PATH ...]

    Reads each PATH (a file), or standard input when no PATH is given or PATH is '-'.
    An input may hold NDJSON (one JSON record a line), one JSON object (pretty-printed or not),
    a CloudTrail S3 file {"Records":[...]} or a JSON array of records.
    Writes one UDM event per record to standard output; failures and diagnostics go to standard error,
    each naming its origin (file:line or file:Records[i]) and reason, followed by a summary line.

    OPTIONS
      --format json|kv    json: one compact UDM JSON event a line (default).
                          kv: 'path = "value"' lines, one field a line, a blank line between events.
      --mappings DIR      Load the *.map tables in DIR over the built-in ones: a file named like a
                          built-in table replaces it, other files are added.
      --log-type TYPE     Treat every record as TYPE (e.g. AWS_CLOUDTRAIL) instead of detecting it.
      --max-diagnostics N Print at most N per-record diagnostics (default 100; 0 prints none).
                          Failures are always printed.
      -h, --help          Show this help.

    EXIT CODES
      0 no record failed · 1 some records failed · 2 usage error · 3 an input could not be read
    """
}
