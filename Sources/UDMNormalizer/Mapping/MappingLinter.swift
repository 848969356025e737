/// Checks compiled tables for mistakes the compiler lets through because they are legal:
/// rules that can never write, lookups that can miss without a fallback, rows that can never match.
/// (Syntax, unknown UDM fields and enum values are compile errors, reported before this runs.)
public enum MappingLinter {
    /// One finding, located at `file:line:col`.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// How bad a finding is.
        public enum Severity: String, Sendable {
            /// A mistake: the tables do not do what they say (`mappings check` fails on it).
            case error
            /// Probably a mistake, worth a look; legal tables may keep it.
            case warning
            /// Neither: what an extension rule does to the tables it extends (replaces a rule or adds one).
            case note
        }
        /// Whether the finding is an error or a warning.
        public var severity: Severity
        /// The table file the finding is in, as the ``MappingSet`` names it (`cloudtrail.map`).
        public var file: String
        /// The line of the finding in ``file``, counted from 1.
        public var line: Int
        /// The column of the finding in ``line``, counted from 1.
        public var column: Int
        /// What is wrong, and usually what to do about it, in words.
        public var message: String
        /// `file:line:column: severity: message`, the form compilers and editors understand.
        public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
    }

    /// Every finding in `mappings`, sorted by file, line and column; empty when nothing is wrong.
    ///
    /// ```swift
    /// for finding in MappingLinter.lint(.builtin) where finding.severity == .error {
    ///     print(finding)
    /// }
    /// ```
    ///
    /// - Parameter mappings: Compiled tables (built-in, extended or a profile).
    public static func lint(_ mappings: MappingSet) -> [Finding] {
        var findings: [Finding] = []
        for file in mappings.files {
            findings += shadowedRules(file)
            findings += lookupsWithoutFallback(file, mappings)
            findings += duplicateClassificationKeys(file, mappings)
            findings += mergeOutcomes(file)
        }
        for lookup in mappings.lookups.values.sorted(by: { $0.name < $1.name }) where lookup.isRange {
            findings += unreachableRanges(lookup)
        }
        for table in mappings.texts { findings += longLines(table) }
        findings += redactionFindings(mappings)
        return findings.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    /// Every compile error of `files` loaded over `base`, sorted by file and line, and the tables
    /// when they compile. The compiler stops at the first error, so the erroneous line is blanked
    /// (line numbers kept) and the tables compiled again, until they compile, or an error is on a
    /// directive (`@…`) line or outside `files`: after a broken directive later errors would be guesses.
    ///
    /// - Parameters:
    ///   - files: The tables as (file name, text) pairs, as ``MappingSet/merged(files:over:)`` takes them.
    ///   - base: The tables they are loaded over; nil compiles `files` alone.
    /// - Returns: The compiled tables (nil when any error was found) and every error found, sorted.
    public static func compileErrors(files: [(name: String, text: String)], over base: MappingSet? = .builtin) -> (
        mappings: MappingSet?, errors: [MappingError]
    ) {
        var files = files
        var errors: [MappingError] = []
        for _ in 0..<500 {
            do {
                let mappings = try MappingSet.merged(files: files, over: base)
                return (errors.isEmpty ? mappings : nil, sorted(errors))
            } catch {
                errors.append(error)
                guard error.line > 0, let index = files.firstIndex(where: { $0.name == error.file }) else { break }
                var lines = files[index].text.split(separator: "\n", omittingEmptySubsequences: false)
                guard error.line <= lines.count else { break }
                let text = lines[error.line - 1].drop { $0 == " " || $0 == "\t" }
                guard !text.hasPrefix("@") else { break }
                lines[error.line - 1] = ""
                files[index].text = lines.joined(separator: "\n")
            }
        }
        return (nil, sorted(errors))
    }

    private static func sorted(_ errors: [MappingError]) -> [MappingError] {
        errors.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    /// Every `@unredact` (a secret that now reaches the output) and every entry with no reason.
    private static func redactionFindings(_ mappings: MappingSet) -> [Finding] {
        var findings: [Finding] = []
        let policy = mappings.redaction
        for removal in policy.removals {
            let matched = policy.removedNames.contains(removal.name)
            findings.append(
                finding(
                    .warning, removal.location,
                    matched
                        ? "'@unredact \(removal.name)': values under \(removal.name) are no longer redacted and reach every output"
                        : "'@unredact \(removal.name)' matches no redaction entry"))
        }
        for entry in policy.entriesWithoutReason {
            findings.append(
                finding(
                    .warning, entry.location,
                    "redaction entry '\(entry.name)' has no reason: say in a comment what secret it holds"))
        }
        return findings
    }

    private static func finding(_ severity: Finding.Severity, _ location: TableLocation, _ message: String) -> Finding {
        Finding(severity: severity, file: location.file, line: location.line, column: location.column, message: message)
    }

    /// The longest line a table keeps to, in characters: longer ones are hard to read and to diff.
    static let maxLineLength = 160

    /// Lines over ``maxLineLength`` characters (a line ending with `\` goes on on the next).
    private static func longLines(_ table: (name: String, text: String)) -> [Finding] {
        var findings: [Finding] = []
        for (number, line) in table.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.utf8.count > maxLineLength && line.count > maxLineLength {
            findings.append(
                finding(
                    .warning, TableLocation(file: table.name, line: number + 1, column: maxLineLength + 1),
                    "line of \(line.count) characters: keep table lines within \(maxLineLength) (end a line with '\\' to go on on the next, or name a long condition with @define)"
                ))
        }
        return findings
    }

    /// For each rule an extension table merged in: whether it replaced a rule (same target and
    /// `@when` scope, compared as parsed conditions) or was added.
    private static func mergeOutcomes(_ file: CompiledMappingFile) -> [Finding] {
        file.rules.compactMap { rule in
            switch rule.syntax.merge {
            case .replaces(let replaced)?:
                return finding(.note, rule.location, "replaces \(replaced) (\(rule.syntax.identity))")
            case .adds?:
                return finding(.note, rule.location, "adds a rule for \(rule.syntax.identity)")
            case nil:
                return nil
            }
        }
    }

    /// A rule that always writes (a constant, no condition, no stage) to a single-valued target makes
    /// every later rule for that target in the same or a narrower scope unreachable.
    private static func shadowedRules(_ file: CompiledMappingFile) -> [Finding] {
        var findings: [Finding] = []
        var alwaysWrites: [String: CompiledRule] = [:]  // target → rule, for top-level and per scope
        for rule in file.rules where rule.isSingleValued {
            let target = rule.target.text
            let scope = rule.syntax.scopeText
            if let earlier = alwaysWrites["\u{0}" + target] ?? alwaysWrites[scope + "\u{0}" + target] {
                findings.append(
                    finding(
                        .warning, rule.location,
                        "never writes: \(earlier.id) always sets \(target) first (first non-empty value wins)"))
                continue
            }
            if case .literal = rule.source, rule.recordConditions.isEmpty, rule.stages.isEmpty {
                alwaysWrites[scope + "\u{0}" + target] = rule
            }
        }
        return findings
    }

    /// Classification needs a default: a lookup with `default empty` that sets the event type must be
    /// followed by a rule that does (elsewhere `default empty` is the author's explicit "optional").
    private static func lookupsWithoutFallback(_ file: CompiledMappingFile, _ mappings: MappingSet) -> [Finding] {
        var findings: [Finding] = []
        for (index, rule) in file.rules.enumerated() {
            for case .lookup(let tableIndex) in rule.stages where rule.writesEventType {
                let table = mappings.lookupTables[tableIndex]
                let name = table.name
                guard table.defaultValue == nil else { continue }
                let hasFallback = file.rules[(index + 1)...].contains { $0.target.text == rule.target.text }
                if !hasFallback {
                    findings.append(
                        finding(
                            .warning, rule.location,
                            "lookup '\(name)' has no default and no later rule writes \(rule.target.text): a miss leaves it empty"
                        ))
                }
            }
        }
        return findings
    }

    /// The same key in two lookups that rules apply one after the other to the same source and
    /// target: the later row can never be reached.
    private static func duplicateClassificationKeys(_ file: CompiledMappingFile, _ mappings: MappingSet) -> [Finding] {
        var findings: [Finding] = []
        var seen: [String: (key: String, row: RuleID, lookup: String)] = [:]
        for rule in file.rules {
            guard case .path(let path) = rule.source, rule.recordConditions.isEmpty else { continue }
            for case .lookup(let tableIndex) in rule.stages {
                let table = mappings.lookupTables[tableIndex]
                let name = table.name
                guard !table.isRange, !table.isPrefix else { continue }
                for (key, entry) in table.exactRows.sorted(by: { $0.key < $1.key }) {
                    let id = path.text + "\u{0}" + rule.target.text + "\u{0}" + key
                    if let earlier = seen[id], earlier.lookup != name {
                        let location = TableLocation(entry.rowID)
                        findings.append(
                            finding(
                                .warning, location,
                                "key '\(key)' is unreachable: lookup '\(earlier.lookup)' (\(earlier.row)) maps it first for \(rule.target.text)"
                            ))
                    } else if seen[id] == nil {
                        seen[id] = (key, entry.rowID, name)
                    }
                }
            }
        }
        return findings
    }

    /// A range row whose whole interval earlier rows already cover.
    private static func unreachableRanges(_ lookup: LookupTable) -> [Finding] {
        var findings: [Finding] = []
        var covered: [LookupTable.RangeRow] = []
        for row in lookup.rangeRows {
            if covers(covered, row) {
                let location = TableLocation(row.rowID)
                findings.append(
                    finding(
                        .warning, location,
                        "range row of lookup '\(lookup.name)' is never reached: earlier rows cover it"))
            }
            covered.append(row)
        }
        return findings
    }

    /// True when the union of `rows` contains every number of `row`'s interval: a sweep from the
    /// interval's lower bound, each step jumping to the furthest upper bound that covers the point.
    private static func covers(_ rows: [LookupTable.RangeRow], _ row: LookupTable.RangeRow) -> Bool {
        var point = row.lower
        var pointNeeded = row.lowerInclusive
        while true {
            if point > row.upper || (point == row.upper && !(pointNeeded && row.upperInclusive)) { return true }
            var best: LookupTable.RangeRow?
            for other in rows {
                let startsInTime = pointNeeded ? other.contains(point) : (other.lower <= point && other.upper > point)
                guard startsInTime else { continue }
                if best.map({ other.upper > $0.upper || (other.upper == $0.upper && other.upperInclusive) }) ?? true {
                    best = other
                }
            }
            guard let best else { return false }
            if best.upper == point {
                pointNeeded = false
            } else {
                point = best.upper
                pointNeeded = !best.upperInclusive
            }
        }
    }
}

extension TableLocation {
    /// The start of the line a rule id names.
    init(_ id: RuleID) {
        self.init(file: id.file, line: id.line, column: 1)
    }
}
