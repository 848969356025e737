import UDMNormalizer

/// One option of a command: its names, the placeholder of its value (nil for a flag) and its help.
/// Each command lists its options once; the argument reader and the help text both read that list,
/// so adding an option is one entry here and one `case` in the command's option parser.
struct CommandOption: Sendable {
    /// `--jobs`.
    var long: String
    /// `-j`, for the options that have a short form.
    var short: String?
    /// `N`, `FILE`, …; nil for a flag.
    var value: String?
    /// What the option does; lines after the first are indented under it.
    var help: String

    /// The option's names and value as the help column shows them: `-j, --jobs N`.
    var synopsis: String {
        let names = short.map { "\($0), \(long)" } ?? "    \(long)"
        return value.map { "\(names) \($0)" } ?? names
    }
}

extension CommandOption {
    static let help = CommandOption(long: "--help", short: "-h", help: "Show this help.")
    static let mappings = CommandOption(
        long: "--mappings", value: "PATH",
        help: """
            Load a *.map file, or every *.map file of a folder, over the built-in tables:
            a file named like a built-in table replaces it, other files are added.
            """)
    static let profile = CommandOption(
        long: "--profile", value: "NAME|DIR",
        help: """
            The output profile: 'reference' (default; the CloudTrail parser reference's
            output to the letter) or 'google-secops' (what Google SecOps' parsers write
            and its published rules read: product names, verb-family event types, the
            rules' label keys), or a folder of profile tables (*.map, layered like a
            built-in profile's). --mappings goes over the profile.
            """)
    static let logType = CommandOption(
        long: "--log-type", value: "TYPE",
        help: """
            Treat every record as TYPE instead of detecting it: AWS_CLOUDTRAIL
            (or cloudtrail) or GUARDDUTY (or guardduty), in any letter case.
            """)
    static let jobs = CommandOption(
        long: "--jobs", short: "-j", value: "N",
        help: "Normalize on N threads (default: all cores); -j 4 and -j4 both work.")
    static let quiet = CommandOption(
        long: "--quiet", short: "-q",
        help: """
            No progress line and no notes (diagnostics). Failed records are
            still reported, each with its origin and reason.
            """)
    static let dedupe = CommandOption(
        long: "--dedupe",
        help: """
            Drop records seen before in this run (CloudTrail eventID, GuardDuty id +
            updatedAt: each table's @dedupe_key); they count as skipped.
            """)
    static let maxRecordBytes = CommandOption(
        long: "--max-record-bytes", value: "N",
        help: "Largest record accepted (default \(Normalizer.Options().maxRecordBytes)); a larger one fails alone.")
    static let include = CommandOption(
        long: "--include", value: "GLOB",
        help: """
            Inside a folder given as PATH, read only the files whose path below that
            folder matches GLOB ('*' also matches '/'); repeatable. A file named as
            PATH is always read.
            """)
    static let exclude = CommandOption(
        long: "--exclude", value: "GLOB",
        help: """
            Inside a folder given as PATH, skip the files whose path below that folder
            matches GLOB; repeatable. Hidden files and folders are skipped too (and
            counted); name one as PATH to read it.
            """)
}
