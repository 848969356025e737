/// Runs a ``DetectionRuleSet`` over a stream of events.
///
/// Single-event rules (no `match:`) fire as each event is added. Multi-event rules keep only the
/// events that meet one of their event variables' predicates, pruned to the fields the rule reads,
/// and are evaluated by ``finish()``: for each match key, every window of `D` that starts at a held
/// event's time (so events may come in any order). That is a superset of Google's hop windows,
/// which have their own alignment and may fire fewer detections at the edges. Held events are
/// bounded by ``Options/maxHeldEvents``; events over it are counted, not held.
package struct RuleSession {
    package struct Options: Sendable {
        /// Events held for multi-event rules, over all rules.
        package var maxHeldEvents = 2_000_000
        /// Detections kept per rule (all are counted).
        package var keptDetections = 1000
        /// Held events of one rule at which the windows that can no longer grow are evaluated and
        /// their events dropped: those more than twice the rule's window older than the latest
        /// event (events may come that much out of time order).
        package var flushEvents = 20_000

        package init() {}
    }

    /// What a rule did over the events.
    package struct RuleResult: Sendable {
        package var rule: DetectionRule
        package var readiness: DetectionRuleSet.Readiness
        package var detections: [Detection] = []
        package var detectionCount = 0
        /// Events that met each event variable's predicate (its single-event part).
        package var matchedEvents: [String: Int] = [:]
        /// Events held for the window evaluation.
        package var heldEvents = 0
        /// Events that met a predicate but were not held: no event time, or over the memory bound.
        package var eventsWithoutTime = 0
        package var eventsOverBound = 0
        /// Events older than windows already evaluated and dropped (more out of order than the
        /// session allows); they are still evaluated, and may repeat a detection.
        package var lateEvents = 0
        /// Whether some group's combinations were cut at the limit.
        package var truncated = false
    }

    /// An event held for a multi-event rule.
    private struct HeldEvent {
        var serial: Int
        var event: RuleEvent
        var variable: String
        var bindings: [[String: String]]
    }

    package let ruleSet: DetectionRuleSet
    package let options: Options
    private var results: [RuleResult]
    private var held: [[HeldEvent]]
    /// The fields any rule reads: what a held event keeps.
    private let keepTree: KeepTree
    /// Per rule: the latest event time held, the time before which windows were evaluated and
    /// their events dropped, the held count at which to do it next, and per match key the last
    /// keyed and unkeyed event of the last detection (so a window inside it is not reported again).
    private var latest: [Double]
    private var evaluatedBefore: [Double]
    private var nextFlush: [Int]
    private var lastEmitted: [[[String]: (keyed: Position, unkeyed: Position?)]]
    typealias Position = (time: Double, serial: Int)
    private var serial = 0
    private var heldTotal = 0
    /// Events added.
    package private(set) var eventCount = 0
    /// The most events held at once.
    package private(set) var peakHeldEvents = 0

    package init(ruleSet: DetectionRuleSet, options: Options = Options()) {
        self.ruleSet = ruleSet
        self.options = options
        results = ruleSet.rules.indices.map {
            RuleResult(rule: ruleSet.rules[$0], readiness: ruleSet.readiness(of: $0))
        }
        held = Array(repeating: [], count: ruleSet.rules.count)
        keepTree = KeepTree(rules: ruleSet.rules)
        latest = Array(repeating: -.infinity, count: ruleSet.rules.count)
        evaluatedBefore = Array(repeating: -.infinity, count: ruleSet.rules.count)
        nextFlush = Array(repeating: options.flushEvents, count: ruleSet.rules.count)
        lastEmitted = Array(repeating: [:], count: ruleSet.rules.count)
    }

    /// Runs every rule's predicates on `event`; single-event rules fire here.
    package mutating func add(_ event: RuleEvent) {
        add(RuleEventView(event))
    }

    /// Runs the rules on `event` and counts its filled fields in `fill`, reading each field once.
    package mutating func add(_ event: RuleEvent, fill: inout RuleFieldFill) {
        let view = RuleEventView(event)
        add(view)
        fill.add(view)
    }

    private mutating func add(_ view: RuleEventView) {
        let event = view.event
        eventCount += 1
        serial += 1
        var pruned: RuleEvent?
        for (index, plan) in ruleSet.plans.enumerated() where results[index].readiness == .runs {
            for variable in plan.variables where !variable.isEntity {
                let bindings = plan.match(variable, view, lists: ruleSet.lists)
                guard !bindings.isEmpty else { continue }
                results[index].matchedEvents[variable.name, default: 0] += 1
                if plan.rule.window == nil {
                    var candidates = entityCandidates(plan)
                    candidates[variable.name] = bindings.map { .init(serial: serial, view: view, bindings: $0) }
                    let group = RuleGroup(plan: plan, candidates: candidates, lists: ruleSet.lists)
                    record(index, group: group, key: [])
                } else if let time = event.timestamp, time < evaluatedBefore[index] {
                    results[index].lateEvents += 1
                    hold(index, event, variable.name, bindings, pruned: &pruned)
                } else if event.timestamp == nil {
                    results[index].eventsWithoutTime += 1
                } else if heldTotal >= options.maxHeldEvents {
                    results[index].eventsOverBound += 1
                } else {
                    hold(index, event, variable.name, bindings, pruned: &pruned)
                    if held[index].count >= nextFlush[index] { flush(index, plan) }
                }
            }
        }
    }

    /// Holds `event` for rule `index`'s windows; `pruned` is the event cut to what rules read, made
    /// once for all the rules that hold it.
    private mutating func hold(
        _ index: Int, _ event: RuleEvent, _ variable: String, _ bindings: [[String: String]], pruned: inout RuleEvent?
    ) {
        let kept = pruned ?? RuleEvent(pruning: event, to: keepTree)
        pruned = kept
        held[index].append(HeldEvent(serial: serial, event: kept, variable: variable, bindings: bindings))
        latest[index] = max(latest[index], event.timestamp ?? -.infinity)
        results[index].heldEvents += 1
        heldTotal += 1
        peakHeldEvents = max(peakHeldEvents, heldTotal)
    }

    /// Evaluates the windows that start more than twice the window before the latest event (no
    /// event in time order can join them any more) and drops the events only they could hold.
    private mutating func flush(_ index: Int, _ plan: RulePlan) {
        guard let window = plan.rule.window else { return }
        let limit = latest[index] - 2 * Double(window)
        if limit > evaluatedBefore[index] {
            evaluateWindows(index, plan, anchorsBefore: limit)
            evaluatedBefore[index] = limit
            let before = held[index].count
            held[index].removeAll { ($0.event.timestamp ?? 0) < limit }
            heldTotal -= before - held[index].count
        }
        nextFlush[index] = max(options.flushEvents, held[index].count * 2)
    }

    /// Evaluates the multi-event rules' windows and gives every rule's result.
    package mutating func finish() -> [RuleResult] {
        for (index, plan) in ruleSet.plans.enumerated() where plan.rule.window != nil {
            evaluateWindows(index, plan, anchorsBefore: .infinity)
            heldTotal -= held[index].count
            held[index] = []
        }
        return results
    }

    /// The context entities that meet each entity variable's predicate.
    private func entityCandidates(_ plan: RulePlan) -> [String: [RuleGroup.Member]] {
        var candidates: [String: [RuleGroup.Member]] = [:]
        for variable in plan.variables where variable.isEntity {
            var members: [RuleGroup.Member] = []
            for (offset, entity) in ruleSet.context.enumerated() {
                let view = RuleEventView(entity)
                for bindings in plan.match(variable, view, lists: ruleSet.lists) {
                    members.append(.init(serial: -1 - offset, view: view, bindings: bindings))
                }
            }
            candidates[variable.name] = members
        }
        return candidates
    }

    private mutating func record(_ index: Int, group: RuleGroup, key: [(name: String, value: String)]) {
        guard !group.tuples.isEmpty else { return }
        let rule = ruleSet.rules[index]
        let outcomes = OutcomeEvaluator(rule: rule, group: group, lists: ruleSet.lists)
        guard outcomes.holds(rule.condition) else { return }
        if group.truncated { results[index].truncated = true }
        results[index].detectionCount += 1
        guard results[index].detections.count < options.keptDetections else { return }
        let events = group.members.filter { $0.serial >= 0 }.sorted {
            ($0.view.event.timestamp ?? 0, $0.serial) < ($1.view.event.timestamp ?? 0, $1.serial)
        }
        let times = events.compactMap(\.view.event.timestamp)
        results[index].detections.append(
            Detection(
                rule: rule.name, matchValues: key, windowStart: times.min(), windowEnd: times.max(),
                outcomes: outcomes.outcomes, origins: events.prefix(Detection.originLimit).map(\.view.event.origin),
                eventCount: events.count))
    }

    /// Whether a window's last unkeyed event is no later than the reported window's (none is).
    private static func within(_ position: Position?, _ bound: Position?) -> Bool {
        guard let position else { return true }
        guard let bound else { return false }
        return position <= bound
    }

    private mutating func evaluateWindows(_ index: Int, _ plan: RulePlan, anchorsBefore limit: Double) {
        let rule = plan.rule
        guard let window = rule.window.map(Double.init), !held[index].isEmpty else { return }
        let keyNames = rule.matchVariables
        let keyed = Set(plan.variables.filter { Set($0.placeholders).isSuperset(of: keyNames) }.map(\.name))
        typealias Item = (time: Double, member: RuleGroup.Member, variable: String)
        var groups: [[String]: [Item]] = [:]
        var unkeyed: [Item] = []
        for event in held[index] {
            let view = RuleEventView(event.event)
            let time = event.event.timestamp ?? 0
            for bindings in event.bindings {
                let member = RuleGroup.Member(serial: event.serial, view: view, bindings: bindings)
                if keyed.contains(event.variable) {
                    groups[keyNames.map { bindings[$0] ?? "" }, default: []].append((time, member, event.variable))
                } else {
                    unkeyed.append((time, member, event.variable))
                }
            }
        }
        let order: (Item, Item) -> Bool = { ($0.time, $0.member.serial) < ($1.time, $1.member.serial) }
        unkeyed.sort(by: order)
        let entities = entityCandidates(plan)
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let items = groups[key, default: []].sorted(by: order)
            var end = 0
            var unkeyedStart = 0
            var unkeyedEnd = 0
            var start = 0
            while start < items.count {
                let from = items[start].time
                if from >= limit { break }
                let until = from + window
                while end < items.count, items[end].time <= until { end += 1 }
                while unkeyedStart < unkeyed.count, unkeyed[unkeyedStart].time < from { unkeyedStart += 1 }
                unkeyedEnd = max(unkeyedEnd, unkeyedStart)
                while unkeyedEnd < unkeyed.count, unkeyed[unkeyedEnd].time <= until { unkeyedEnd += 1 }
                defer {
                    // Events at the same time start the same window.
                    var next = start + 1
                    while next < items.count, items[next].time == from { next += 1 }
                    start = next
                }
                let keyedLast = (items[end - 1].time, items[end - 1].member.serial)
                let unkeyedLast =
                    unkeyedEnd > unkeyedStart
                    ? (unkeyed[unkeyedEnd - 1].time, unkeyed[unkeyedEnd - 1].member.serial) : nil
                if let last = lastEmitted[index][key], keyedLast <= last.keyed, Self.within(unkeyedLast, last.unkeyed) {
                    continue  // inside the window already reported
                }
                var candidates = entities
                for item in items[start..<end] { candidates[item.variable, default: []].append(item.member) }
                for item in unkeyed[unkeyedStart..<unkeyedEnd] {
                    candidates[item.variable, default: []].append(item.member)
                }
                let group = RuleGroup(plan: plan, candidates: candidates, lists: ruleSet.lists)
                let before = results[index].detectionCount
                record(index, group: group, key: zip(keyNames, key).map { ($0, $1) })
                if results[index].detectionCount > before {
                    lastEmitted[index][key] = (keyedLast, unkeyedLast)
                }
            }
        }
    }
}
