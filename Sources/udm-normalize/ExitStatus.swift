/// The process exit codes, one table for every command, printed in each command's help
/// (`HelpText.exitCodes`) and the README.
enum ExitStatus: Int32, Error {
    /// All good: no record failed, every gate held, no table error, `diff` found no change.
    case success = 0
    /// The run worked and found something: records failed, a gate failed, a table has errors,
    /// `test` has a failing pair, `diff` found changes.
    case findings = 1
    /// The command line was wrong.
    case usage = 2
    /// A path could not be read or written: an input, the `--mappings` folder or file, an output file.
    case pathUnusable = 3
}
