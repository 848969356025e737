/// "Did you mean …?": the known name nearest a mistyped one, by edit distance. Used for UDM field
/// names and enum values in table errors, and for commands and options on the command line.
package enum NearestName {
    /// The candidate within a third of the word's length in edits (at least 2), ignoring letter
    /// case and `_`; the nearest when several are; nil when none is that close.
    ///
    /// ```swift
    /// NearestName.nearest(to: "princpal.ip", among: ["principal.ip", "target.ip"])   // "principal.ip"
    /// ```
    ///
    /// - Parameters:
    ///   - word: The mistyped name.
    ///   - candidates: The known names.
    package static func nearest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let wanted = folded(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, folded(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    private static func folded(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0 != "_" })
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
