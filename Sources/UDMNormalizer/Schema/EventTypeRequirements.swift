/// The fields each `metadata.event_type` requires; Google's ingestion validator drops events that lack them.
///
/// Parsed from the `R` lines of `UDMSchema.generatedText`:
///
/// ```text
/// R <EVENT_TYPE> <requirement>;<requirement>;…
/// ```
///
/// where a requirement is `<alternative>|<alternative>|…` and an alternative is `<udm.path>` or
/// `<udm.path>=<VALUE>`. An `R` line with nothing after the event type means "no requirements".
/// Conditional clauses of the reference table ("… only if …") are already dropped by the generator.
struct EventTypeRequirements: Sendable {
    /// One alternative that satisfies a requirement: a UDM path that must be present (a message path counts as present when any field below it is set), optionally with a required value.
    struct Alternative: Sendable, Equatable {
        let path: String
        let requiredValue: String?
    }

    /// A requirement is met when ANY of its alternatives is met.
    struct Requirement: Sendable, Equatable {
        let alternatives: [Alternative]
        /// The requirement as written in the table, e.g. "principal.hostname|principal.ip|principal.mac|principal.asset_id", for diagnostics.
        let text: String
    }

    /// Event types in table order.
    let eventTypes: [String]
    /// Each event type's requirement clauses (the third word of its `R` line, if any) and line number.
    private let clausesByEventType: [String: (clauses: ArraySlice<UInt8>, line: Int)]

    /// The table built into the library, indexed once on first use; an event type's requirements are
    /// read when asked for (a run meets few of the event types).
    static let builtin: EventTypeRequirements = {
        do {
            return try EventTypeRequirements(generatedText: UDMSchema.generatedText, checkingClauses: false)
        } catch {
            // The committed text is checked by the test suite, so failing here means a broken build artefact.
            fatalError("built-in event type requirements are invalid: \(error)")
        }
    }()

    /// nil when the event type is not in the table.
    func requirements(for eventType: String) -> [Requirement]? {
        guard let entry = clausesByEventType[eventType] else { return nil }
        do {
            return try Self.requirements(entry.clauses, line: entry.line)
        } catch {
            // Only the built-in table is read unchecked, and the test suite checks every line of it.
            fatalError("built-in event type requirements are invalid: \(error)")
        }
    }

    /// Reads the `R` lines of schema text (see the type's documentation); other lines are skipped.
    /// `checkingClauses`: parse every line's requirements now, so a malformed one throws here
    /// (without it, only the lines' shape is checked and requirements are read when asked for).
    init(generatedText text: String, checkingClauses: Bool = true) throws(SchemaTextError) {
        var eventTypes: [String] = []
        var table: [String: (clauses: ArraySlice<UInt8>, line: Int)] = [:]
        var lineNumber = 0
        // A byte array makes slicing and decoding much cheaper than walking String.UTF8View indices;
        // lines are cut in place, since all but the `R` lines are skipped.
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            let line = bytes[lineStart..<lineEnd]
            lineNumber += 1
            guard line.count >= 2, line.first == UInt8(ascii: "R"),
                line[line.index(after: line.startIndex)] == UInt8(ascii: " ")
            else { continue }
            let words = line.split(separator: UInt8(ascii: " "))
            guard words.count == 2 || words.count == 3 else {
                throw SchemaTextError(line: lineNumber, message: "requirement line needs: R <EVENT_TYPE> <req>;<req>…")
            }
            let eventType = String(decoding: words[1], as: UTF8.self)
            guard table[eventType] == nil else {
                throw SchemaTextError(line: lineNumber, message: "duplicate event type \(eventType)")
            }
            let clauses = words.count == 3 ? words[2] : []
            if checkingClauses { _ = try Self.requirements(clauses, line: lineNumber) }
            eventTypes.append(eventType)
            table[eventType] = (clauses, lineNumber)
        }
        self.eventTypes = eventTypes
        self.clausesByEventType = table
    }

    /// The requirements of one `R` line's clauses (`<req>;<req>;…`; none when empty).
    private static func requirements(_ clauses: ArraySlice<UInt8>, line: Int) throws(SchemaTextError) -> [Requirement] {
        guard !clauses.isEmpty else { return [] }
        var requirements: [Requirement] = []
        for clause in clauses.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            requirements.append(try requirement(clause, line: line))
        }
        return requirements
    }

    private static func requirement(_ clause: ArraySlice<UInt8>, line: Int) throws(SchemaTextError) -> Requirement {
        var alternatives: [Alternative] = []
        for alternative in clause.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false) {
            let parts = alternative.split(separator: UInt8(ascii: "="), omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
                throw SchemaTextError(
                    line: line, message: "malformed requirement '\(String(decoding: clause, as: UTF8.self))'")
            }
            alternatives.append(
                Alternative(
                    path: String(decoding: parts[0], as: UTF8.self),
                    requiredValue: parts.count == 2 ? String(decoding: parts[1], as: UTF8.self) : nil))
        }
        return Requirement(alternatives: alternatives, text: String(decoding: clause, as: UTF8.self))
    }
}
