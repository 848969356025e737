/// Where a mapping rule, `@check` or lookup row is written: its table file and line. Diagnostics,
/// classifications, explanations and reports name rules by it.
///
/// Its text form is `file:line` (`cloudtrail.map:42`, `profiles/google-secops/cloudtrail.map:12`),
/// as `udm-normalize mappings print` lists rules; ``init(_:)`` reads that form back.
///
/// ```swift
/// let id = RuleID("cloudtrail.map:42")
/// id?.file      // "cloudtrail.map"
/// id?.line      // 42
/// id?.profile   // nil: a base table
/// ```
public struct RuleID: Hashable, Sendable, Comparable, LosslessStringConvertible {
    /// The table file as loaded: a built-in name (`cloudtrail.map`, `profiles/google-secops/cloudtrail.map`),
    /// or the path given for a table loaded from disk.
    public var file: String
    /// The line in the file, counted from 1.
    public var line: Int

    /// The rule at `line` of `file`.
    ///
    /// - Parameters:
    ///   - file: The table file as loaded.
    ///   - line: The line, counted from 1.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// Reads the `file:line` form; nil when the text does not end in `:` and a line number.
    ///
    /// - Parameter description: `file:line`, as ``description`` writes it.
    public init?(_ description: String) {
        guard let colon = description.lastIndex(of: ":"), colon != description.startIndex,
            let line = Int(description[description.index(after: colon)...]), line >= 0
        else { return nil }
        self.init(file: String(description[..<colon]), line: line)
    }

    /// The built-in output profile the rule belongs to (`google-secops` for a file under
    /// `profiles/google-secops/`); nil for a base table or a table loaded from disk.
    public var profile: String? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 2, parts[0] == "profiles", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }

    /// By file name, then line number (so `x.map:9` comes before `x.map:10`).
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}
