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
        try load(path: directory, over: base)
    }

    /// Loads one `*.map` file, or the `*.map` files of a folder, over `base` as `load(directory:over:)` does.
    public static func load(path: String, over base: MappingSet? = .builtin) throws(MappingError) -> MappingSet {
        try merged(files: try tableFiles(at: path), over: base)
    }

    /// The (file name, text) pairs of one `*.map` file or of a folder's `*.map` files, in name order.
    public static func tableFiles(at path: String) throws(MappingError) -> [(name: String, text: String)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw MappingError(file: path, line: 0, column: 0, message: "no such file or folder")
        }
        let paths: [String]
        if isFolder.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw MappingError(file: path, line: 0, column: 0, message: "cannot list the folder (permission denied?)")
            }
            paths = names.filter { $0.hasSuffix(".map") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            guard !paths.isEmpty else { throw MappingError(file: path, line: 0, column: 0, message: "no *.map files in the folder") }
        } else {
            paths = [path]
        }
        var files: [(name: String, text: String)] = []
        for file in paths {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MappingError(file: file, line: 0, column: 0, message: "cannot read the file (permission denied?)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw MappingError(file: file, line: 0, column: 0, message: "is not UTF-8 text")
            }
            files.append(((file as NSString).lastPathComponent, text))
        }
        return files
    }

    /// Compiles `files` over `base`: a file named like a base file replaces it, an extension
    /// (`@log_type` without `@match`) merges into the base tables, any other file is added.
    public static func merged(files: [(name: String, text: String)], over base: MappingSet? = .builtin) throws(MappingError) -> MappingSet {
        var texts = base?.texts ?? []
        var extensions: [(name: String, text: String)] = []
        for file in files {
            if let index = texts.firstIndex(where: { $0.name == file.name }) { texts[index].text = file.text } else { extensions.append(file) }
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

    /// The tables as files, in evaluation order: what `udm-normalize mappings dump` writes.
    public var tableTexts: [(name: String, text: String)] { texts }

    /// A short fingerprint of the tables' texts (16 hex digits, FNV-1a over names and texts): two
    /// runs with the same fingerprint used the same tables.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in texts {
            for byte in file.name.utf8 + [0] + file.text.utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
