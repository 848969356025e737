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
    /// What the program runs for each of `recordFiles`.
    let recordFileEntries: [MappingProgram.File]
    /// The `@lookup` tables, numbered in the order defined: rules name them by index (`RuleStage.lookup`).
    let lookupTables: [LookupTable]
    /// The lookup tables by name, for tools that show and check tables.
    let lookups: [String: LookupTable]
    /// The table texts as loaded, by file name, for tools that show rules to people.
    var texts: [(name: String, text: String)] { standaloneTexts + extensionTexts }
    /// Tables that stand alone (built-in, replaced or added with their own `@match`), in evaluation order.
    let standaloneTexts: [(name: String, text: String)]
    /// Extension tables merged into them, in layering order (profile first, then the user's).
    let extensionTexts: [(name: String, text: String)]
    /// The output profile: `reference` (the built-in tables as they are), a built-in profile's name,
    /// or the folder name of a profile loaded from disk.
    public let profile: String
    /// EventBridge detail-types some table handles; envelopes of other detail-types are skipped.
    let eventBridgeDetailTypes: Set<String>
    /// The path prefixes these tables' paths share, numbered for per-record memoization.
    let pathTable: PathTable
    /// The rules of every file lowered for the engine.
    let program: MappingProgram
    /// The program as the engine reads it for each record (see ``FrozenProgram``).
    let frozenProgram: FrozenProgram
    /// How many distinct target instance chains the rules write to.
    let targetInstanceCount: Int
    /// How many distinct record conditions the rules test (see `ConditionInterner`).
    let recordConditionCount: Int
    /// What every record has taken out before any rule reads it (`@redact…` lines of all tables).
    let redaction: RedactionPolicy

    /// The effective redaction entries (keys, then value shapes), as `mappings check` lists them.
    package var redactionEntryNames: [String] { redaction.entryNames }

    /// The name of the default profile: the built-in tables as they are (the parser reference's output).
    public static let referenceProfile = "reference"

    /// The tables built into the library (the `Mappings/` folder at build time): the `reference` profile.
    public static let builtin: MappingSet = {
        do {
            return try MappingSet(files: BuiltinMappings.files)
        } catch {
            // The built-in tables are compiled by the test suite before every release; reaching this is a build defect.
            fatalError("the built-in mapping tables do not compile: \(error)")
        }
    }()

    /// The names of the built-in output profiles: `reference` first, then those of `Mappings/profiles/`.
    public static var builtinProfileNames: [String] { [referenceProfile] + BuiltinMappings.profiles.map(\.name) }

    /// The built-in tables with the built-in profile `name` layered over them (`reference`: the tables as they are).
    /// Each profile is compiled once per process and shared.
    ///
    /// - Parameter name: `reference` or another of ``builtinProfileNames``.
    /// - Throws: ``MappingError`` when no built-in profile has that name.
    public static func builtin(profile name: String) throws(MappingError) -> MappingSet {
        if name == referenceProfile { return .builtin }
        guard let profile = BuiltinMappings.profiles.first(where: { $0.name == name }) else {
            throw MappingError(
                file: name, line: 0, column: 0,
                message: "no built-in profile '\(name)' (known: \(builtinProfileNames.joined(separator: ", ")))")
        }
        return try ProfileCache.shared.set(named: name) { () throws(MappingError) -> MappingSet in
            // From the built-in texts, not from `MappingSet.builtin`: compiling the reference tables
            // first would double the start-up of every run with a profile.
            try layered(
                standaloneTexts: BuiltinMappings.files, extensionTexts: [], with: profile.files,
                replacingByName: false, profile: name, schema: .builtin)
        }
    }

    /// Compiles tables given as (file name, text) pairs, in the order given.
    ///
    /// Only these tables are used, not the built-in ones; the profile is `reference`.
    ///
    /// - Parameter files: Each table's file name (`cloudtrail.map`, used in errors and rule ids) and text.
    /// - Throws: ``MappingError`` at the first syntax or compile error.
    public convenience init(files: [(name: String, text: String)]) throws(MappingError) {
        try self.init(files: files, schema: .builtin)
    }

    convenience init(files: [(name: String, text: String)], schema: UDMSchema) throws(MappingError) {
        var syntax: [MappingFileSyntax] = []
        for file in files { syntax.append(try MappingParser(fileName: file.name).parse(file.text)) }
        try self.init(
            syntax: syntax, standaloneTexts: files, extensionTexts: [], profile: Self.referenceProfile, schema: schema)
    }

    init(
        syntax: [MappingFileSyntax], standaloneTexts: [(name: String, text: String)],
        extensionTexts: [(name: String, text: String)],
        profile: String, schema: UDMSchema
    ) throws(MappingError) {
        let compiler = MappingCompiler(schema: schema)
        let compiled = try compiler.compile(syntax)
        self.pathTable = PathTable(compiler.interner)
        self.program = ProgramLowering.lower(compiled.files, lookups: compiled.lookupTables, schema: schema)
        self.frozenProgram = FrozenProgram(program)
        self.targetInstanceCount = compiler.targets.count
        self.recordConditionCount = compiler.conditions.count
        self.schema = schema
        self.files = compiled.files
        let recordFiles = compiled.files.filter { $0.logType != nil }
        let program = self.program
        self.recordFiles = recordFiles
        self.recordFileEntries = recordFiles.compactMap { program.files.entry(of: $0) }
        self.eventBridgeDetailTypes = Set(compiled.files.flatMap(\.eventBridgeDetailTypes))
        self.lookupTables = compiled.lookupTables
        self.lookups = Dictionary(compiled.lookupTables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.standaloneTexts = standaloneTexts
        self.extensionTexts = extensionTexts
        self.profile = profile
        self.redaction = RedactionPolicy(syntax)
    }

    /// Loads the `*.map` files of `directory` on top of `base` (the built-in tables unless given):
    /// - a file named like a base file replaces it;
    /// - a file with `@log_type` but no `@match` extends the base tables of that log type: a rule with
    ///   the (log type, `@when` scope, UDM target) of a base rule replaces it in place, other rules are
    ///   added after the base rules, `@remove TARGET` drops base rules, lookups add or replace rows;
    /// - any other file (with its own `@match`) is added as a table of its own.
    /// With `base: nil` only the directory's tables are used. The result keeps `base`'s profile, whose
    /// extension tables stay under the directory's (the user's tables win).
    ///
    /// - Parameters:
    ///   - directory: A folder of `*.map` files (a single file is taken too).
    ///   - base: The tables to load over; nil uses only the folder's.
    /// - Throws: ``MappingError`` when the folder cannot be read or a table does not compile.
    public static func load(directory: String, over base: MappingSet? = .builtin) throws(MappingError) -> MappingSet {
        try load(path: directory, over: base)
    }

    /// Loads one `*.map` file, or the `*.map` files of a folder, over `base` as `load(directory:over:)` does.
    ///
    /// ```swift
    /// let tables = try MappingSet.load(path: "my-tables")
    /// let normalizer = Normalizer(mappings: tables)
    /// ```
    ///
    /// - Parameters:
    ///   - path: A `*.map` file or a folder of them.
    ///   - base: The tables to load over; nil uses only those at `path`.
    /// - Throws: ``MappingError`` when the path cannot be read or a table does not compile.
    public static func load(path: String, over base: MappingSet? = .builtin) throws(MappingError) -> MappingSet {
        try merged(files: try tableFiles(at: path), over: base)
    }

    /// Compiles `files` over `base` as `load(directory:over:)` does: a file named like a base file
    /// replaces it, an extension (`@log_type` without `@match`) merges into the base tables, any
    /// other file is added. The result keeps `base`'s profile, whose extension tables stay under
    /// these (the user's tables win).
    ///
    /// - Parameters:
    ///   - files: Each table's file name (used in errors and rule ids) and text.
    ///   - base: The tables to merge into; nil uses only `files` (with the `reference` profile).
    /// - Throws: ``MappingError`` at the first syntax or compile error.
    public static func merged(files: [(name: String, text: String)], over base: MappingSet? = .builtin)
        throws(MappingError) -> MappingSet
    {
        guard let base else {
            return try MappingSet(files: [], schema: .builtin).layered(
                with: files, replacingByName: true, profile: referenceProfile)
        }
        return try base.layered(with: files, replacingByName: true, profile: base.profile)
    }

    /// These tables with one more table, given as text, layered over them as `--mappings` would
    /// layer a file of that name: named like a table here, it replaces it; an extension
    /// (`@log_type` without `@match`) merges into the tables of its log type; anything else is
    /// added as a table of its own. The profile is kept.
    ///
    /// ```swift
    /// let tables = try MappingSet.builtin.adding(tableText: """
    ///     @log_type AWS_CLOUDTRAIL
    ///     requestParameters.bucketName -> target.resource.name
    ///     """, name: "site.map")
    /// ```
    ///
    /// - Parameters:
    ///   - text: The table's text, in the mapping language.
    ///   - name: The table's file name, used to replace a table of that name and in errors and rule ids.
    /// - Throws: ``MappingError`` at the first syntax or compile error.
    public func adding(tableText text: String, name: String) throws(MappingError) -> MappingSet {
        try layered(with: [(name: name, text: text)], replacingByName: true, profile: profile)
    }

    /// Loads a profile folder over `base`: its `*.map` files extend the tables (or, with their own
    /// `@match`, stand alone), as a built-in profile's do; none replaces a table. The profile is named
    /// after the folder, and its files `FOLDER/FILE.map`.
    ///
    /// - Parameters:
    ///   - directory: The profile's folder of `*.map` files; its last path component names the profile.
    ///   - base: The tables the profile is layered over.
    /// - Throws: ``MappingError`` when the folder does not exist or cannot be read, or a table does not compile.
    public static func load(profileDirectory directory: String, over base: MappingSet = .builtin) throws(MappingError)
        -> MappingSet
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw MappingError(
                file: directory, line: 0, column: 0,
                message: "no such profile folder (a profile is a folder of *.map files)")
        }
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let files = try tableFiles(at: directory).map { (name: "\(name)/\($0.name)", text: $0.text) }
        return try base.layered(with: files, replacingByName: false, profile: name)
    }

    /// The (file name, text) pairs of one `*.map` file or of a folder's `*.map` files, in name order.
    ///
    /// - Parameter path: A file (read whatever its extension) or a folder (its `*.map` files).
    /// - Throws: ``MappingError`` when the path does not exist, a file cannot be read or is not UTF-8
    ///   text, or a folder holds no `*.map` file.
    package static func tableFiles(at path: String) throws(MappingError) -> [(name: String, text: String)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw MappingError(file: path, line: 0, column: 0, message: "no such file or folder")
        }
        let paths: [String]
        if isFolder.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw MappingError(
                    file: path, line: 0, column: 0, message: "cannot list the folder (permission denied?)")
            }
            paths = names.filter { $0.hasSuffix(".map") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            guard !paths.isEmpty else {
                throw MappingError(file: path, line: 0, column: 0, message: "no *.map files in the folder")
            }
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

    /// These tables with `files` layered over them: with `replacingByName`, a file named like a table
    /// replaces it; extension tables merge after the ones already layered; other files stand alone.
    func layered(with files: [(name: String, text: String)], replacingByName: Bool, profile: String)
        throws(MappingError) -> MappingSet
    {
        try Self.layered(
            standaloneTexts: standaloneTexts, extensionTexts: extensionTexts, with: files,
            replacingByName: replacingByName, profile: profile, schema: schema)
    }

    /// `files` layered over the given table texts, as ``layered(with:replacingByName:profile:)``
    /// describes; each text is parsed once.
    private static func layered(
        standaloneTexts: [(name: String, text: String)], extensionTexts: [(name: String, text: String)],
        with files: [(name: String, text: String)], replacingByName: Bool, profile: String, schema: UDMSchema
    ) throws(MappingError) -> MappingSet {
        typealias Table = (file: (name: String, text: String), syntax: MappingFileSyntax?)
        var tables: [Table] = standaloneTexts.map { ($0, nil) }
        var extensions: [Table] = extensionTexts.map { ($0, nil) }
        for file in files {
            if replacingByName, let index = tables.firstIndex(where: { $0.file.name == file.name }) {
                tables[index] = (file, nil)
                continue
            }
            let syntax = try MappingParser(fileName: file.name).parse(file.text)
            if MappingMerger.isExtension(syntax) {
                extensions.append((file, syntax))
            } else {
                tables.append((file, syntax))
            }
        }
        func parsed(_ table: Table) throws(MappingError) -> MappingFileSyntax {
            if let syntax = table.syntax { return syntax }
            return try MappingParser(fileName: table.file.name).parse(table.file.text)
        }
        var syntax: [MappingFileSyntax] = []
        for table in tables { syntax.append(try parsed(table)) }
        var merging: [MappingFileSyntax] = []
        for table in extensions { merging.append(try parsed(table)) }
        syntax = try MappingMerger.merge(base: syntax, extensions: merging)
        return try MappingSet(
            syntax: syntax, standaloneTexts: tables.map(\.file), extensionTexts: extensions.map(\.file),
            profile: profile, schema: schema)
    }

    /// The tables as files, in evaluation order (profile and extension tables after the ones they
    /// extend): what `udm-normalize mappings dump` writes.
    public var tableTexts: [(name: String, text: String)] { texts }

    /// A short fingerprint of the tables' texts (16 hex digits, FNV-1a over names and texts): two
    /// runs with the same fingerprint used the same tables.
    public var fingerprint: String { Self.fingerprint(of: texts) }

    /// The built-in tables' ``fingerprint`` and file names, read from their texts without compiling
    /// them: what `udm-normalize --version` prints, so that it costs no table compilation.
    package static var builtinIdentity: (fingerprint: String, fileNames: [String]) {
        // The reference profile has no extension tables, so its files are the built-in texts in order.
        (fingerprint(of: BuiltinMappings.files), BuiltinMappings.files.map(\.name))
    }

    /// FNV-1a over each file's name and text, as ``fingerprint`` describes.
    private static func fingerprint(of texts: [(name: String, text: String)]) -> String {
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

    /// The log types these tables normalize (`.awsCloudTrail`, `.guardDuty`, …), in evaluation order.
    public var logTypes: [LogType] {
        var seen: [LogType] = []
        for file in files {
            if let name = file.logType, !seen.contains(LogType(rawValue: name)) { seen.append(LogType(rawValue: name)) }
        }
        return seen
    }
}
