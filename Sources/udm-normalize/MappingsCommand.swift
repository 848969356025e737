import Foundation
import UDMNormalizer

/// The parsed options of `udm-normalize mappings check|print|dump`.
struct MappingsOptions {
    enum Action: String { case check, print, dump }

    static let options: [CommandOption] = [
        CommandOption(
            long: "--log-type", value: "TYPE",
            help: "print: only the tables of TYPE (AWS_CLOUDTRAIL, cloudtrail, GUARDDUTY, guardduty)."),
        CommandOption(
            long: "--profile", value: "NAME|DIR",
            help: """
                check, print: the tables of that output profile (a built-in profile's
                name or a folder of its tables). Without it, check lints every profile
                over the tables: the built-in ones, or those of PATH/profiles/NAME/.
                """),
        .help,
    ]

    var action = Action.check
    var path: String?
    var logType: String?
    var profile: String?
    var showHelp = false

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--log-type": logType = try take()
            case "--profile": profile = try take()
            case "--help": showHelp = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        guard !showHelp else { return }
        guard let word = reader.positional.first, let action = Action(rawValue: word) else {
            let written = reader.positional.first.map { "'\($0)'" } ?? "nothing"
            let hint =
                reader.positional.first.flatMap { NearestName.nearest(to: $0, among: ["check", "print", "dump"]) }.map {
                    "; did you mean '\($0)'?"
                } ?? ""
            throw UsageError(
                message: "expected 'mappings check', 'mappings print' or 'mappings dump', not \(written)\(hint)")
        }
        self.action = action
        guard reader.positional.count <= 2 else { throw UsageError(message: "give at most one PATH") }
        path = reader.positional.dropFirst().first
        if action == .dump, path == nil { throw UsageError(message: "give the DIR to write the built-in tables into") }
    }
}

/// `udm-normalize mappings`: the table author's check, listing and copy of the built-in tables.
struct MappingsCommand {
    let options: MappingsOptions

    func run() -> ExitStatus {
        switch options.action {
        case .check: return check()
        case .print: return print()
        case .dump: return dump(into: options.path ?? ".")
        }
    }

    private func check() -> ExitStatus {
        let base: MappingSet
        switch TableLoader.profileTables(options.profile, command: "mappings check") {
        case .success(let loaded): base = loaded
        case .failure(let status): return status
        }
        var files: [(name: String, text: String)] = []
        if let path = options.path {
            if let problem = PathProblem.reading(path, as: .fileOrFolder) {
                StandardStreams.error("udm-normalize mappings check: \(problem)")
                return .pathUnusable
            }
            do { files = try MappingSet.tableFiles(at: path) } catch {
                StandardStreams.error("udm-normalize mappings check: \(error)")
                return .pathUnusable
            }
        }
        let builtinNames = MappingSet.builtin.fileNames
        var loaded = builtinNames.filter { name in !files.contains { $0.name == name } }.map { "\($0) (built-in)" }
        if let path = options.path {
            loaded += files.map {
                TableLoader.located(
                    MappingError(file: $0.name, line: 0, column: 0, message: ""), under: path, files: files
                ).file
            }
        }
        StandardStreams.error("loaded: " + loaded.joined(separator: ", "))

        let checked = MappingLinter.compileErrors(files: files, over: base)
        var lines: [(file: String, line: Int, column: Int, text: String)] = []
        func locate(_ file: String) -> String {
            guard let path = options.path else { return file }
            return TableLoader.located(
                MappingError(file: file, line: 0, column: 0, message: ""), under: path, files: files
            ).file
        }
        for error in checked.errors {
            let file = locate(error.file)
            lines.append(
                (
                    file, error.line, error.column,
                    error.line > 0
                        ? "\(file):\(error.line):\(error.column): error: \(error.message)"
                        : "\(file): error: \(error.message)"
                ))
        }
        var warnings = 0
        var notes = 0
        var profiles = [base.profile]
        if let mappings = checked.mappings {
            // Without --profile, every profile is linted over the tables too: the built-in profiles,
            // or those of PATH/profiles/NAME/ when PATH is a folder. A finding shared by several
            // profiles (one in the base tables) is listed once.
            var sets = [mappings]
            if options.profile == nil {
                do {
                    let more = try Self.profiles(in: options.path, over: mappings)
                    sets += more
                    profiles += more.map(\.profile)
                } catch {
                    lines.append(
                        (
                            error.file, error.line, error.column,
                            "\(error.file):\(error.line):\(error.column): error: \(error.message)"
                        ))
                }
            }
            var seen = Set<String>()
            for set in sets {
                for finding in MappingLinter.lint(set) {
                    // What an extension rule replaced or added is said for the tables checked, not for profiles.
                    if finding.severity == .note, !files.contains(where: { $0.name == finding.file }) { continue }
                    let file = locate(finding.file)
                    let text =
                        "\(file):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message)"
                    guard seen.insert(text).inserted else { continue }
                    if finding.severity == .warning { warnings += 1 }
                    if finding.severity == .note { notes += 1 }
                    lines.append((file, finding.line, finding.column, text))
                }
            }
        }
        for line in lines.sorted(by: { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }) {
            StandardStreams.error(line.text)
        }
        let errors = lines.count - warnings - notes
        if let mappings = checked.mappings {
            let names = mappings.redactionEntryNames
            StandardStreams.error(
                "redacted: \(names.count) \(names.count == 1 ? "entry" : "entries") (\(names.isEmpty ? "none" : names.joined(separator: ", ")))"
            )
        }
        StandardStreams.error(
            "\(TableLoader.count(loaded.count, "table")) checked: \(TableLoader.count(errors, "error")), \(TableLoader.count(warnings, "warning")) (profiles: \(profiles.joined(separator: ", ")))"
        )
        return errors > 0 ? .findings : .success
    }

    /// The profiles to lint over `mappings`: the built-in ones, or each folder of `path/profiles/`.
    private static func profiles(in path: String?, over mappings: MappingSet) throws(MappingError) -> [MappingSet] {
        var isFolder: ObjCBool = false
        guard let path, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            var sets: [MappingSet] = []
            for name in MappingSet.builtinProfileNames where name != MappingSet.referenceProfile {
                sets.append(try .builtin(profile: name))
            }
            return sets
        }
        let folder = (path as NSString).appendingPathComponent("profiles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
        var sets: [MappingSet] = []
        for name in names {
            sets.append(
                try MappingSet.load(profileDirectory: (folder as NSString).appendingPathComponent(name), over: mappings)
            )
        }
        return sets
    }

    private func print() -> ExitStatus {
        let mappings: MappingSet
        let logType: LogType?
        switch TableLoader.load(
            options.path, profile: options.profile, logType: options.logType, command: "mappings print")
        {
        case .success(let loaded): (mappings, logType) = loaded
        case .failure(let status): return status
        }
        StandardStreams.output(MappingDocumentation.markdown(mappings, logType: logType))
        return .success
    }

    private func dump(into directory: String) -> ExitStatus {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            StandardStreams.error(
                "udm-normalize mappings dump: cannot create \(PathProblem.writing(directory) ?? PathProblem(path: directory, reason: "the folder could not be created"))"
            )
            return .pathUnusable
        }
        // The built-in tables, then each built-in profile's files under profiles/NAME/ (their names).
        var files = MappingSet.builtin.tableTexts
        for name in MappingSet.builtinProfileNames where name != MappingSet.referenceProfile {
            guard let profile = try? MappingSet.builtin(profile: name) else { continue }
            files += profile.tableTexts.filter { $0.name.hasPrefix("profiles/") }
        }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                StandardStreams.error(
                    "udm-normalize mappings dump: cannot write \(PathProblem.writing(path) ?? PathProblem(path: path, reason: "the write failed"))"
                )
                return .pathUnusable
            }
            StandardStreams.output("wrote \(path)")
        }
        return .success
    }
}
