/// The process exit codes, documented in `--help` and the README.
enum ExitStatus: Int32, Error {
    /// Every record was normalized or skipped.
    case success = 0
    /// At least one record failed.
    case recordsFailed = 1
    /// The command line was wrong.
    case usage = 2
    /// An input could not be read at all (missing file, unreadable, a directory where a file was expected).
    case inputUnreadable = 3
}
