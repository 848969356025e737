/// Turns log records into UDM events using a ``MappingSet``.
///
/// A ``Normalizer`` is an immutable value: share one across threads and call `normalize` concurrently;
/// each call keeps its working state on its own stack.
public struct Normalizer: Sendable {
    /// Settings that apply to every record.
    public struct Options: Sendable {
        /// Force this log type (`.awsCloudTrail`, …) instead of detecting it per record.
        public var logType: LogType?
        /// Deepest JSON nesting accepted in a record.
        public var maxDepth: Int
        /// Largest record accepted, in bytes; a larger one fails with that reason (the input goes on).
        public var maxRecordBytes: Int

        /// Track which source values rules read, for field-coverage reports. Costs time; off by default.
        public var trackCoverage: Bool
        /// Longest value written to one UDM field, in bytes; a longer one is cut, marked and reported.
        public var maxFieldBytes: Int
        /// Most labels one event gets (a huge `requestParameters` flattened); the rest are dropped and reported.
        public var maxLabelsPerEvent: Int

        /// Settings with the given values; the defaults suit real CloudTrail and GuardDuty logs.
        ///
        /// ```swift
        /// let normalizer = Normalizer(options: .init(logType: .awsCloudTrail, trackCoverage: true))
        /// ```
        ///
        /// - Parameters:
        ///   - logType: Force this log type (`.awsCloudTrail`, `.guardDuty`) for every record; nil
        ///     (the default) detects it per record from the tables' `@match` declarations.
        ///   - maxDepth: Deepest JSON nesting accepted in a record, in levels; a deeper record fails.
        ///   - maxRecordBytes: Largest record accepted, in bytes (16 MiB by default).
        ///   - trackCoverage: Track which source values the rules read, for field-coverage figures
        ///     and ``RecordExplanation`` unread lists. Off by default: it costs time.
        ///   - maxFieldBytes: Longest value written to one UDM field, in bytes (64 KiB by default).
        ///   - maxLabelsPerEvent: Most labels one event gets.
        public init(
            logType: LogType? = nil, maxDepth: Int = 1000, maxRecordBytes: Int = 16 << 20, trackCoverage: Bool = false,
            maxFieldBytes: Int = 64 << 10, maxLabelsPerEvent: Int = 1000
        ) {
            self.logType = logType
            self.maxDepth = maxDepth
            self.maxRecordBytes = maxRecordBytes
            self.trackCoverage = trackCoverage
            self.maxFieldBytes = maxFieldBytes
            self.maxLabelsPerEvent = maxLabelsPerEvent
        }
    }

    /// The tables records are normalized with.
    public var mappings: MappingSet { state.mappings }
    /// The settings given at creation.
    public var options: Options { state.options }
    var validator: UDMValidator { state.validator }
    /// Everything above behind one reference: the per-record code hands the normalizer through
    /// closures, and a copy of one reference is one retain where a copy of the fields was several.
    let state: State

    final class State: Sendable {
        let mappings: MappingSet
        let options: Options
        let validator: UDMValidator
        let redactor: RecordRedactor

        init(mappings: MappingSet, options: Options) {
            self.mappings = mappings
            self.options = options
            self.validator = UDMValidator(schema: mappings.schema, requirements: .builtin)
            self.redactor = RecordRedactor(
                policy: mappings.redaction, parserLimits: JSONParser.Limits(maxDepth: options.maxDepth))
        }
    }

    /// A normalizer over `mappings` (the built-in tables unless given).
    ///
    /// - Parameters:
    ///   - mappings: The tables; ``MappingSet/builtin`` by default.
    ///   - options: Settings for every record; the defaults by default.
    public init(mappings: MappingSet = .builtin, options: Options = Options()) {
        state = State(mappings: mappings, options: options)
    }

    /// A normalizer over the built-in tables with the built-in output profile `profile` layered over
    /// them (`reference`, the default output, or `google-secops`); see ``MappingSet/builtin(profile:)``.
    ///
    /// ```swift
    /// let secops = try Normalizer(profile: "google-secops")
    /// ```
    ///
    /// - Parameters:
    ///   - profile: The name of a built-in profile, one of ``MappingSet/builtinProfileNames``.
    ///   - options: Settings for every record.
    /// - Throws: ``MappingError`` when no built-in profile has that name.
    public init(profile: String, options: Options = Options()) throws(MappingError) {
        self.init(mappings: try MappingSet.builtin(profile: profile), options: options)
    }

    /// Normalizes one record given as the bytes of one JSON value.
    ///
    /// Only a bare record is taken: envelopes (`{"Records":[…]}`, EventBridge, CloudWatch Logs) need
    /// ``normalize(input:source:_:)-([UInt8],_,_)``.
    ///
    /// - Parameter record: The UTF-8 bytes of one JSON object (a CloudTrail event, a GuardDuty finding).
    /// - Returns: The event, or why the record failed.
    public func normalize(record: [UInt8]) -> NormalizationOutcome {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(record, limits: JSONParser.Limits(maxDepth: options.maxDepth))
        } catch {
            return .failed(
                NormalizationFailure(kind: .invalidJSON, detail: "invalid JSON: \(error.describe(in: record))"))
        }
        return normalize(document: document, root: document.root)
    }

    /// Normalizes the value at `root` of an already parsed document (an element of a `Records` array, say).
    func normalize(document: JSONDocument, root: Int) -> NormalizationOutcome {
        state.normalizeDetected(document: document, root: root).0
    }
}

extension Normalizer.State {
    /// The outcome, and the log type of the table that took the record (nil when none did).
    func normalizeDetected(document original: JSONDocument, root originalRoot: Int) -> (NormalizationOutcome, String?) {
        // Secrets leave the record first, so that no rule, report or note can see them.
        var document = original
        var root = originalRoot
        var redactions: [RedactionHit] = []
        var redactionNotes: [String] = []
        // The JSON texts redaction read, which `| json_text` rules take their members from.
        var reads = JSONTextReads()
        if let redacted = redactor.redact(original, root: originalRoot, reads: &reads) {
            guard let redactedDocument = redacted.document else {
                return (
                    .failed(
                        NormalizationFailure(
                            kind: .invalidJSON,
                            detail: "a secret in the record could not be redacted; it is not written")
                    ), nil
                )
            }
            // A replaced secret means a record parsed anew, whose nodes the reads do not name.
            if !redacted.hits.isEmpty { reads = JSONTextReads() }
            document = redactedDocument
            root = redacted.root
            redactions = redacted.hits
            redactionNotes = redacted.notes
        }
        guard document.kind(root) == .object else {
            return (
                .failed(
                    NormalizationFailure(
                        kind: .notAnObject, detail: "expected a JSON object, found \(document.kindName(root))")), nil
            )
        }
        let resolver = PathResolver(document: document, root: root, mappings: mappings)
        let program = mappings.frozenProgram
        guard let (file, entry) = mappings.file(for: resolver, logType: options.logType) else {
            return (
                .failed(
                    NormalizationFailure(
                        kind: .unrecognized,
                        detail:
                            "unrecognized record: no mapping table matches it (known log types: \(mappings.logTypes.map(\.rawValue).joined(separator: ", ")))"
                    )), nil
            )
        }
        var mapper = RecordMapper(
            schema: mappings.schema, resolver: resolver, targetInstanceCount: mappings.targetInstanceCount,
            recordConditionCount: mappings.recordConditionCount)
        if options.trackCoverage { mapper.coverage = NodeMarks(nodeCount: document.nodeCount) }
        mapper.jsonTexts = reads
        mapper.limits.maxFieldBytes = options.maxFieldBytes
        mapper.limits.maxLabels = options.maxLabelsPerEvent
        let view = program.view
        mapper.run(view, rules: entry.rules)
        var diagnostics = mapper.diagnostics
        diagnostics += redactionNotes.map { Diagnostic(source: .redaction, message: $0) }
        for check in view.checks[entry.checks] where resolver.holds(check.condition, in: view) {
            diagnostics.append(Diagnostic(rule: view.checkIDs[Int(check.id)], message: view.texts[Int(check.message)]))
        }
        // Kept in the event's text arena: it becomes a `String` only when asked for (`--dedupe`).
        let dedupeKey = entry.dedupeKey >= 0 ? mapper.text(of: entry.dedupeKey, view) : nil
        if mapper.limits.labelsDropped > 0 {
            diagnostics.append(
                Diagnostic(
                    source: .limits,
                    message:
                        "\(mapper.limits.labelsDropped) labels over the limit of \(options.maxLabelsPerEvent) per event were dropped"
                ))
        }
        var builder = mapper.builder
        var downgrade: String?
        switch validator.validate(&builder, document: document) {
        case .noEventTime:
            return (
                .failed(
                    NormalizationFailure(
                        kind: .noEventTime, detail: noEventTimeReason(file: file, diagnostics: diagnostics))),
                file.logType
            )
        case .downgraded(let from, let missing):
            let reason = "\(from) requires \(missing.joined(separator: "; "))"
            diagnostics.append(
                Diagnostic(
                    source: .validator, message: "\(reason): event type set to \(UDMValidator.fallbackEventType)")
            )
            downgrade = reason
        case .valid:
            break
        }
        var coverage = mapper.coverage.map {
            RecordCoverage(
                document: document, root: root, marks: $0, exclusions: entry.exclusions, view: view, resolver: resolver)
        }
        coverage?.targetChoice = mapper.targetChoice
        return (
            .normalized(
                UDMEvent(
                    document: document, builder: builder, schema: mappings.schema,
                    logType: file.logType ?? "", diagnostics: diagnostics, rules: file.rules, dedupeKey: dedupeKey,
                    firedRules: mapper.firedRules, classification: mapper.classification, downgrade: downgrade,
                    coverage: coverage, redactions: redactions)), file.logType
        )
    }
}

extension MappingSet {
    /// The file that handles a record, with what the program runs for it: the first whose `@match`
    /// holds, restricted to `logType` when given. A forced log type falls back to its first file
    /// when no `@match` holds.
    func file(for resolver: PathResolver, logType: LogType?) -> (CompiledMappingFile, MappingProgram.File)? {
        let name = logType?.rawValue
        let view = frozenProgram.view
        for (file, entry) in zip(recordFiles, recordFileEntries) where name == nil || file.logType == name {
            if entry.match < 0 || resolver.holds(entry.match, in: view) { return (file, entry) }
        }
        guard let name, let index = recordFiles.firstIndex(where: { $0.logType == name }) else { return nil }
        return (recordFiles[index], recordFileEntries[index])
    }
}

extension Normalizer.State {
    /// "no event time: eventTime is missing" or "… eventTime: 'x' is not a timestamp", naming the
    /// fields the table reads the time from, so the user sees which field to look at.
    func noEventTimeReason(file: CompiledMappingFile, diagnostics: [Diagnostic]) -> String {
        let timeRules = file.rules.filter { $0.target.fieldPath == UDMValidator.eventTimestampPath }
        let sources = timeRules.flatMap { $0.source.paths.map(\.text) }
        if let problem = diagnostics.first(where: { d in timeRules.contains { $0.id == d.rule } }) {
            return
                "no event time: \(sources.joined(separator: " / ")): \(problem.message.replacingPrefix("\(UDMValidator.eventTimestampPath): ", with: ""))"
        }
        return sources.isEmpty ? "no event time" : "no event time: \(sources.joined(separator: " / ")) is missing"
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

extension JSONSyntaxError {
    /// "line L, column C (byte B): reason", computed from the offset in `bytes`.
    func describe(in bytes: [UInt8]) -> String {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return "line \(line), column \(end - lineStart + 1) (byte \(offset)): \(reason)"
    }
}
