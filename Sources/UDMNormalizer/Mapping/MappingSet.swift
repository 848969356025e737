import Foundation

/// A complete, compiled set of mapping tables: the rules for every log type, the lookup tables
/// (event-type classification among them) and the UDM schema they were checked against.
///
/// Compiling takes a few milliseconds; do it once and share the value (it is immutable and `Sendable`).
public final class MappingSet: Sendable {
    let schema: UDMSchema
    let files: [CompiledMappingFile]
    /// The files that handle records (those with a log type), in evaluation order.
    let recordFiles: [CompiledMappingFile]
    let lookups: [String: LookupTable]
    /// The table texts as loaded, by file name, for tools that show rules to people.
    let texts: [(name: String, text: String)]
    /// EventBridge detail-types some table handles; envelopes of other detail-types are skipped.
    let eventBridgeDetailTypes: Set<String>
    /// The path prefixes these tables' paths share, numbered for per-record memoization.
    let pathTable: PathTable
    /// How many distinct target instance chains the rules write to.
    let targetInstanceCount: Int

    /// The tables built into the library (the `Mappings/` folder at build time).
    public static let builtin: MappingSet = {
        do {
            return try MappingSet(files: BuiltinMappings.files)
        } catch {
            // The built-in tables are compiled by the test suite before every release; reaching this is a build defect.
            fatalError("the built-in mapping tables do not compile: \(error)")
        }
    }()

    /// Compiles tables given as (file name, text) pairs, in the order given.
    public convenience init(files: [(name: String, text: String)]) throws(MappingError) {
        try self.init(files: files, schema: .builtin)
    }

    convenience init(files: [(name: String, text: String)], schema: UDMSchema) throws(MappingError) {
        var syntax: [MappingFileSyntax] = []
        for file in files { syntax.append(try MappingParser(fileName: file.name).parse(file.text)) }
        try self.init(syntax: syntax, texts: files, schema: schema)
    }

    init(syntax: [MappingFileSyntax], texts: [(name: String, text: String)], schema: UDMSchema) throws(MappingError) {
        let compiler = MappingCompiler(schema: schema)
        let compiled = try compiler.compile(syntax)
        self.pathTable = PathTable(compiler.interner)
        self.targetInstanceCount = compiler.targets.count
        self.schema = schema
        self.files = compiled.files
        self.recordFiles = compiled.files.filter { $0.logType != nil }
        self.eventBridgeDetailTypes = Set(compiled.files.flatMap(\.eventBridgeDetailTypes))
        self.lookups = compiled.lookups
        self.texts = texts
    }

    /// Loads the `*.map` files of `directory` on top of `base` (the built-in tables unless given):
    /// - a file named like a base file replaces it;
    /// - a file with `@log_type` but no `@match` extends the base tables of that log type: a rule with
    ///   the (log type, `@when` scope, UDM target) of a base rule replaces it in place, other rules are
    ///   added after the base rules, `@remove TARGET` drops base rules, lookups add or replace rows;
    /// - any other file (with its own `@match`) is added as a table of its own.
    /// With `base: nil` only the directory's tables are used.
    public static func load(directory: String, over base: MappingSet? = .builtin) throws(MappingError) -> MappingSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".map") }.sorted()
        } catch {
            throw MappingError(file: directory, line: 0, column: 0, message: "cannot read the mappings directory: \(error.localizedDescription)")
        }
        guard !names.isEmpty else {
            throw MappingError(file: directory, line: 0, column: 0, message: "no *.map files in the mappings directory")
        }
        var texts = base?.texts ?? []
        var extensions: [(name: String, text: String)] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw MappingError(file: name, line: 0, column: 0, message: "cannot read the file as UTF-8 text")
            }
            if let index = texts.firstIndex(where: { $0.name == name }) { texts[index].text = text } else { extensions.append((name, text)) }
        }
        var syntax: [MappingFileSyntax] = []
        for file in texts { syntax.append(try MappingParser(fileName: file.name).parse(file.text)) }
        var merging: [MappingFileSyntax] = []
        for file in extensions {
            let parsed = try MappingParser(fileName: file.name).parse(file.text)
            if MappingMerger.isExtension(parsed) { merging.append(parsed) } else { syntax.append(parsed) }
        }
        syntax = try MappingMerger.merge(base: syntax, extensions: merging)
        return try MappingSet(syntax: syntax, texts: texts + extensions, schema: base?.schema ?? .builtin)
    }

    /// The file names, in evaluation order.
    public var fileNames: [String] { files.map(\.name) }

    /// The UDM log types these tables produce (`AWS_CLOUDTRAIL`, …).
    public var logTypes: [String] {
        var seen: [String] = []
        for file in files { if let t = file.logType, !seen.contains(t) { seen.append(t) } }
        return seen
    }

    /// The file that handles a record: the first whose `@match` holds, restricted to `logType` when given.
    /// A forced log type falls back to its first file when no `@match` holds.
    func file(for resolver: PathResolver, logType: String?) -> CompiledMappingFile? {
        for file in recordFiles where logType == nil || file.logType == logType {
            if file.match?.holds(in: resolver, value: nil) ?? true { return file }
        }
        return logType.flatMap { type in recordFiles.first { $0.logType == type } }
    }
}
