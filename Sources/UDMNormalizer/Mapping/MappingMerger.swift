/// Applies extension tables to the built-in ones, the way Chronicle parser extensions work:
/// a rule is identified by (log type, `@when` scope, UDM target). An extension rule with the
/// identity of a built-in rule replaces it in place (so it keeps that rule's priority); a rule with a
/// new identity is added after the built-in rules; `@remove TARGET` drops built-in rules; a lookup
/// named like a built-in one adds or replaces rows by key.
enum MappingMerger {
    /// Merges `extensions` (tables with `@log_type` and no `@match`) into `base`.
    static func merge(base: [MappingFileSyntax], extensions: [MappingFileSyntax]) throws(MappingError)
        -> [MappingFileSyntax]
    {
        var files = base
        for ext in extensions {
            let location = ext.logTypeLocation ?? TableLocation(file: ext.name, line: 1, column: 1)
            let targets = files.indices.filter { index in
                files[index].logType == ext.logType && (ext.extends == nil || files[index].name == ext.extends)
            }
            guard !targets.isEmpty else {
                if let name = ext.extends {
                    throw location.error(
                        "'@extends \(name)': no built-in table of log type \(ext.logType ?? "?") has that name")
                }
                throw location.error(
                    "no built-in table has log type \(ext.logType ?? "?") to extend (add '@match' to make this a table of its own)"
                )
            }
            for removal in ext.removals {
                var removed = 0
                for index in targets {
                    let before = files[index].rules.count
                    files[index].rules.removeAll { $0.identity == removal.identity }
                    removed += before - files[index].rules.count
                }
                if removed == 0 {
                    throw removal.location.error("'@remove' matches no built-in rule for \(removal.identity)")
                }
            }
            for var rule in ext.rules {
                var replaced = false
                // Identities compared field by field, the target's length first: most rules scanned
                // write another target, and building an identity per rule cost more than comparing.
                // Scopes compare as parsed conditions (see `RuleIdentity`), not as text.
                let targetLength = rule.target.utf8.count
                let identity = rule.identity
                func sameIdentity(_ other: RuleSyntax) -> Bool {
                    other.target.utf8.count == targetLength && other.target == rule.target
                        && other.identity == identity
                }
                for index in targets {
                    // A second rule of one identity in the same extension goes after the first, which
                    // took the built-in rule's place: the extension's own order is its priority.
                    if let previous = files[index].rules.lastIndex(where: {
                        sameIdentity($0) && $0.location.file == ext.name
                    }) {
                        rule.merge = .adds
                        files[index].rules.insert(rule, at: previous + 1)
                        replaced = true
                    } else if ext.precedence == nil,
                        let position = files[index].rules.firstIndex(where: sameIdentity)
                    {
                        rule.merge = .replaces(files[index].rules[position].location.ruleID)
                        files[index].rules[position] = rule
                        replaced = true
                    }
                }
                if !replaced {
                    rule.merge = .adds
                    for index in targets {
                        // `@precedence first`: before the first rule of another table that writes the same target.
                        if ext.precedence == .first,
                            let position = files[index].rules.firstIndex(where: {
                                $0.target == rule.target && $0.location.file != ext.name
                            })
                        {
                            files[index].rules.insert(rule, at: position)
                        } else {
                            files[index].rules.append(rule)
                        }
                    }
                }
            }
            for lookup in ext.lookups {
                if let (file, position) = findLookup(lookup.name, in: files) {
                    var merged = files[file].lookups[position]
                    guard merged.kind == lookup.kind else {
                        throw lookup.location.error(
                            "lookup '\(lookup.name)' is of another kind (exact, range or prefix) than the table it extends"
                        )
                    }
                    merged.defaultValue = lookup.defaultValue
                    // The first row of each key, by key: a search per row was quadratic in the rows.
                    var positions: [String: Int] = [:]
                    for (position, row) in merged.rows.enumerated() where positions[row.key] == nil {
                        positions[row.key] = position
                    }
                    for row in lookup.rows {
                        if let existing = positions[row.key] {
                            merged.rows[existing] = row
                        } else {
                            positions[row.key] = merged.rows.count
                            merged.rows.append(row)
                        }
                    }
                    files[file].lookups[position] = merged
                } else {
                    files[targets[0]].lookups.append(lookup)
                }
            }
            for index in targets {
                files[index].excludedPaths += ext.excludedPaths
                files[index].eventBridgeDetailTypes += ext.eventBridgeDetailTypes
                files[index].checks += ext.checks
            }
            // Redaction applies to every record whatever its table: kept once, with the first target.
            files[targets[0]].redaction.append(contentsOf: ext.redaction)
        }
        return files
    }

    private static func findLookup(_ name: String, in files: [MappingFileSyntax]) -> (Int, Int)? {
        for (fileIndex, file) in files.enumerated() {
            if let position = file.lookups.firstIndex(where: { $0.name == name }) { return (fileIndex, position) }
        }
        return nil
    }

    /// True for a table that extends others rather than standing alone.
    static func isExtension(_ file: MappingFileSyntax) -> Bool {
        file.logType != nil && file.match == nil
    }
}
