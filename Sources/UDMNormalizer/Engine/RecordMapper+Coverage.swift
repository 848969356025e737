/// Coverage: which record values the rules that wrote read.
extension RecordMapper {
    /// Marks the record's nodes a firing rule read: the value's whole subtree (or each field of a
    /// concatenation), and the fields its conditions tested, since they decided what was written.
    mutating func markRead(_ rule: ProgramRule, _ value: MappedValue, _ view: MappingProgram.View) {
        if case .node(let node) = value {
            coverage?.markSubtree(node, in: document, as: NodeMarks.read)
        } else {
            markSourcePaths(rule.source, view)
        }
        let start = Int(rule.recordConditionStart)
        for position in start..<start + Int(rule.recordConditionCount) {
            markConditionPaths(view.recordConditions[position].condition, view)
        }
    }

    /// Marks the value of each path of a source expression that does not fan out.
    mutating func markSourcePaths(_ source: Int32, _ view: MappingProgram.View) {
        switch view.sources[Int(source)] {
        case .path(let number):
            let path = view.paths[Int(number)]
            guard !path.fansOut else { return }
            let node = resolver.node(of: path, in: view)
            if node >= 0 { coverage?.markSubtree(node, in: document, as: NodeMarks.read) }
        case .literal: return
        case .concatenation(let start, let count), .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] { markSourcePaths(part, view) }
        }
    }

    /// Marks the scalar value of each path a condition tests.
    mutating func markConditionPaths(_ condition: Int32, _ view: MappingProgram.View) {
        let path: Int32
        switch view.conditions[Int(condition)] {
        case .exists(let p), .missing(let p), .equals(let p, _, _), .notEquals(let p, _, _), .compare(let p, _, _),
            .consistsOf(let p, _), .contains(let p, _), .onlyKeys(let p, _, _):
            path = p
        case .isIP, .isNotEmpty, .isNotZero: return
        case .not(let inner):
            markConditionPaths(inner, view)
            return
        case .and(let a, let b), .or(let a, let b):
            markConditionPaths(a, view)
            markConditionPaths(b, view)
            return
        }
        let node = resolver.node(of: view.paths[Int(path)], in: view)
        if node >= 0, document.kind(node) != .object, document.kind(node) != .array {
            coverage?.markSubtree(node, in: document, as: NodeMarks.read)
        }
    }
}
