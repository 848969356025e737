/// A rule ready to run: its `events:` statements sorted into each variable's own predicate and
/// the joins between variables, with the field paths each reads numbered once.
struct RulePlan: Sendable {
    /// The statements that read one variable: the variable's predicate.
    struct Variable: Sendable {
        var name: String
        var isEntity: Bool
        var statements: [Statement]
        /// Every path the predicate reads without a quantifier, by slot.
        var trie: PathTrie
        var slots: [RuleFieldPath: Int]
        /// Placeholders the predicate binds.
        var placeholders: [String]
    }

    /// One statement with the paths it reads (for failing fast before unnesting them all together).
    struct Statement: Sendable {
        var expression: RuleExpression
        var trie: PathTrie
        /// The one path the statement reads, when it reads one without a quantifier: it is then
        /// evaluated on that path's values, with no unnesting.
        var singlePath: RuleFieldPath?
        /// Every path the statement reads, with its slot.
        var paths: [(path: RuleFieldPath, slot: Int)]
        /// The statement as a set of texts one path must equal, when it is one (`$e.f = "a"`,
        /// `$e.f = "a" or $e.f = "b"`): decided with one set lookup per value.
        var screen: Screen?
    }

    /// `path = "literal"` (or several literals, or `nocase`): the statement holds when some value of
    /// the path is one of the texts.
    struct Screen: Sendable {
        var path: RuleFieldPath
        /// The literals, lowercased when `nocase`.
        var texts: Set<String>
        var nocase: Bool

        init?(_ expression: RuleExpression) {
            var path: RuleFieldPath?
            var texts: Set<String> = []
            var nocase: Bool?
            func collect(_ expression: RuleExpression) -> Bool {
                switch expression {
                case .or(let children): return children.allSatisfy(collect)
                case .compare(let left, .equal, let right, let folds, _):
                    let pair: (RuleFieldPath, String)
                    switch (left, right) {
                    case (.field(_, let field, nil), .string(let text)), (.string(let text), .field(_, let field, nil)):
                        pair = (field, text)
                    default: return false
                    }
                    guard path == nil || path == pair.0, nocase == nil || nocase == folds else { return false }
                    path = pair.0
                    nocase = folds
                    texts.insert(folds ? pair.1.lowercased() : pair.1)
                    return true
                default: return false
                }
            }
            guard collect(expression), let path, let nocase else { return nil }
            self.path = path
            self.texts = texts
            self.nocase = nocase
        }

        /// Whether the statement holds for `values`; nil when a value is a number or a boolean,
        /// which compare by other rules (the statement is then evaluated in full).
        func holds(_ values: [RuleScalar]) -> Bool? {
            var found = false
            for value in values {
                switch value {
                case .absent: found = found || texts.contains("")
                case .string(let text): found = found || texts.contains(nocase ? text.lowercased() : text)
                case .number, .bool: return nil
                }
            }
            return found
        }
    }

    /// A statement that reads two or more variables.
    struct Join: Sendable {
        /// The rule's name and the join's number in it, naming the join's rows in each event's cache.
        var cacheKey: String
        var expression: RuleExpression
        var variables: [String]
        var tries: [String: PathTrie]
        var slots: [String: [RuleFieldPath: Int]]
    }

    let rule: DetectionRule
    let variables: [Variable]
    let joins: [Join]

    init(_ rule: DetectionRule) {
        self.rule = rule
        var byVariable: [String: [RuleExpression]] = [:]
        var joins: [Join] = []
        for statement in rule.events {
            let names = statement.variables
            if names.count == 1, let name = names.first {
                byVariable[name, default: []].append(statement)
            } else if names.count > 1 {
                let ordered = rule.eventVariables.filter(names.contains)
                var tries: [String: PathTrie] = [:]
                var slots: [String: [RuleFieldPath: Int]] = [:]
                for name in ordered {
                    let (trie, numbered) = Self.number(statement.fields.filter { $0.variable == name }.map(\.path))
                    tries[name] = trie
                    slots[name] = numbered
                }
                joins.append(
                    Join(
                        cacheKey: "\(rule.name)#\(joins.count)", expression: statement, variables: ordered,
                        tries: tries,
                        slots: slots))
            }
        }
        self.joins = joins
        variables = rule.eventVariables.map { name in
            let statements = byVariable[name] ?? []
            let (trie, slots) = Self.number(statements.flatMap { $0.fields.map(\.path) })
            var placeholders: [String] = []
            let planned = statements.map { statement -> Statement in
                if case .bind(_, let placeholder, _) = statement, !placeholders.contains(placeholder) {
                    placeholders.append(placeholder)
                }
                var quantified = false
                statement.forEachOperand { if case .field(_, _, _?) = $0 { quantified = true } }
                let own = Set(statement.fields.map(\.path)).map { (path: $0, slot: slots[$0]!) }.sorted {
                    $0.slot < $1.slot
                }
                return Statement(
                    expression: statement, trie: PathTrie(paths: own),
                    singlePath: own.count == 1 && !quantified ? own[0].path : nil, paths: own,
                    screen: Screen(statement))
            }
            return Variable(
                name: name, isEntity: rule.entityVariables.contains(name), statements: planned, trie: trie,
                slots: slots,
                placeholders: placeholders)
        }
    }

    /// Numbers each distinct path.
    static func number(_ paths: [RuleFieldPath]) -> (PathTrie, [RuleFieldPath: Int]) {
        var slots: [RuleFieldPath: Int] = [:]
        var ordered: [(path: RuleFieldPath, slot: Int)] = []
        for path in paths where slots[path] == nil {
            slots[path] = ordered.count
            ordered.append((path, ordered.count))
        }
        return (PathTrie(paths: ordered), slots)
    }

    /// The bindings (placeholder → value) of each way `event` meets the variable's predicate;
    /// empty when it does not.
    func match(_ variable: Variable, _ view: RuleEventView, lists: [String: ReferenceList]) -> [[String: String]] {
        // Each statement on its own first: most events fail the first one.
        var context = RuleEvaluationContext(lists: lists)
        var hasRows = false
        var singleValued = true
        for statement in variable.statements {
            if let screen = statement.screen {
                let values = view.values(screen.path)
                if let holds = screen.holds(values) {
                    if !holds { return [] }
                    if values.count > 1 { singleValued = false }
                    continue
                }
            }
            if let path = statement.singlePath {
                let values = view.values(path)
                if values.count > 1 { singleValued = false }
                let holds = values.contains { value in
                    context.single = (variable.name, path, value)
                    return context.holds(statement.expression)
                }
                context.single = nil
                if !holds { return [] }
                continue
            }
            if !hasRows {
                context.views[variable.name] = view
                context.slots[variable.name] = variable.slots
                hasRows = true
            }
            // Paths with one value (or none) each make one row, read from the values already cached.
            let rows: [[Int: RuleScalar]]
            if statement.paths.allSatisfy({ view.values($0.path).count == 1 }) {
                var row: [Int: RuleScalar] = [:]
                for (path, slot) in statement.paths { row[slot] = view.values(path)[0] }
                rows = [row]
            } else {
                singleValued = false
                rows = view.rows(statement.trie)
            }
            guard
                rows.contains(where: { row in
                    context.rows[variable.name] = row
                    return context.holds(statement.expression)
                })
            else { return [] }
        }
        if !hasRows {
            context.views[variable.name] = view
            context.slots[variable.name] = variable.slots
        }
        let rows: [[Int: RuleScalar]]
        if singleValued {
            // Every path has one value (or none): one row, read from the values already cached.
            var row: [Int: RuleScalar] = [:]
            for (path, slot) in variable.slots {
                let values = view.values(path)
                guard values.count == 1 else {
                    singleValued = false
                    break
                }
                row[slot] = values[0]
            }
            rows = singleValued ? [row] : view.rows(variable.trie)
        } else {
            rows = variable.statements.count == 1 ? view.rows(variable.statements[0].trie) : view.rows(variable.trie)
        }
        context.views[variable.name] = view
        context.slots[variable.name] = variable.slots
        var found: [[String: String]] = []
        var seen: Set<[String: String]> = []
        for row in rows {
            context.rows[variable.name] = row
            var bindings: [String: String] = [:]
            var holds = true
            for statement in variable.statements where !context.holds(statement.expression, bindings: &bindings) {
                holds = false
                break
            }
            if holds, seen.insert(bindings).inserted { found.append(bindings) }
        }
        return found
    }

    /// Whether a join statement holds for one event per variable.
    func holds(_ join: Join, _ views: [String: RuleEventView], lists: [String: ReferenceList]) -> Bool {
        var context = RuleEvaluationContext(lists: lists)
        context.slots = join.slots
        var rowSets: [(String, [[Int: RuleScalar]])] = []
        for name in join.variables {
            guard let view = views[name], let trie = join.tries[name] else { return false }
            context.views[name] = view
            rowSets.append((name, view.rows(trie, cachedAs: join.cacheKey)))
        }
        return Self.anyCombination(rowSets[...], &context) { $0.holds(join.expression) }
    }

    /// Whether `test` holds for some combination of one row per variable.
    static func anyCombination(
        _ rowSets: ArraySlice<(String, [[Int: RuleScalar]])>, _ context: inout RuleEvaluationContext,
        _ test: (inout RuleEvaluationContext) -> Bool
    ) -> Bool {
        guard let (name, rows) = rowSets.first else { return test(&context) }
        for row in rows {
            context.rows[name] = row
            if anyCombination(rowSets.dropFirst(), &context, test) { return true }
        }
        return false
    }
}
