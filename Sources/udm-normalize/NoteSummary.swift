import UDMNormalizer

/// Notes (diagnostics on normalized records) as a run shows them: the first few in full, then a
/// count per rule with one example, so a million identical notes do not bury the failures.
struct NoteSummary {
    let shown: Int
    private(set) var total = 0
    /// Notes not shown, by rule, in first-seen order, with an example message.
    private var hidden: [(source: Diagnostic.Source, count: Int, example: String)] = []

    init(shown: Int) {
        self.shown = shown
    }

    /// Counts a note; returns the line to print now, or nil when it is only counted.
    mutating func add(origin: String, _ diagnostic: Diagnostic) -> String? {
        total += 1
        if total <= shown { return "\(origin): note: \(diagnostic)" }
        if let index = hidden.firstIndex(where: { $0.source == diagnostic.source }) {
            hidden[index].count += 1
        } else {
            hidden.append((diagnostic.source, 1, "\(origin): \(diagnostic.message)"))
        }
        return nil
    }

    /// The counts of the notes not shown, or nil when every note was shown.
    var closingText: String? {
        guard !hidden.isEmpty else { return nil }
        let count = hidden.reduce(0) { $0 + $1.count }
        var lines = [
            "\(TableLoader.count(count, "more note")) not shown (raise --max-diagnostics to see them), by rule:"
        ]
        for entry in hidden.sorted(by: { $0.count > $1.count }) {
            lines.append("  \(entry.count) × \(entry.source), e.g. \(entry.example)")
        }
        return lines.joined(separator: "\n")
    }
}
