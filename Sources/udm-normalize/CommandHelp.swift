/// The help of one command: what it does, its usage, its options (read from the same list the
/// argument reader uses) and the exit-code table every command shares.
struct CommandHelp {
    var name: String
    var summary: String
    var usage: [String]
    /// Free text between USAGE and OPTIONS (inputs, output, what is compared…).
    var description: String
    var options: [CommandOption]

    var text: String {
        var parts = [
            "udm-normalize \(name) — \(summary)",
            "USAGE\n" + usage.map { "  udm-normalize \($0)" }.joined(separator: "\n"),
        ]
        if !description.isEmpty { parts.append(description) }
        parts.append("OPTIONS\n" + Self.optionLines(options))
        parts.append(HelpText.exitCodes)
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `  -j, --jobs N        help`, the help in a column of its own, continuation lines under it.
    static func optionLines(_ options: [CommandOption]) -> String {
        let column = 22
        var lines: [String] = []
        for option in options {
            let left = "  " + option.synopsis
            let help = option.help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let indent = String(repeating: " ", count: column)
            if left.count + 1 < column {
                lines.append(left + String(repeating: " ", count: column - left.count) + (help.first ?? ""))
            } else {
                lines.append(left)
                lines.append(indent + (help.first ?? ""))
            }
            lines.append(contentsOf: help.dropFirst().map { indent + $0 })
        }
        return lines.joined(separator: "\n")
    }
}
