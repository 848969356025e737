import Foundation

/// A reference list (`%name`): one value a line, `//` comments, blank lines ignored, as Google
/// SecOps keeps them. The same list is read as text, as regular expressions (`in regex %name`) or
/// as CIDR ranges (`in cidr %name`), as the rule says.
package struct ReferenceList: Sendable {
    /// How a rule reads the list.
    enum Kind: String, Sendable {
        case string, regex, cidr
    }

    package let name: String
    package let values: [String]
    private let valueSet: Set<String>
    private let patterns: [RE2Pattern]
    private let ranges: [CIDRRange]
    /// Lines that are not valid regular expressions (they never match under `in regex`).
    package let invalidPatterns: [String]

    package init(name: String, text: String) {
        self.name = name
        var values: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("//") { continue }
            if let comment = line.range(of: " //") {
                line = line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            values.append(line)
        }
        self.values = values
        valueSet = Set(values)
        var patterns: [RE2Pattern] = []
        var invalid: [String] = []
        for value in values {
            if let pattern = try? RE2Pattern(value) { patterns.append(pattern) } else { invalid.append(value) }
        }
        self.patterns = patterns
        invalidPatterns = invalid
        ranges = values.compactMap(CIDRRange.init)
    }

    func contains(_ value: String, as kind: Kind) -> Bool {
        switch kind {
        case .string: return valueSet.contains(value)
        case .regex: return patterns.contains { $0.matches(value) }
        case .cidr: return ranges.contains { $0.contains(value) }
        }
    }
}
