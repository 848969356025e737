/// A mistake on the command line, printed with a pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
