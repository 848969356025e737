import Foundation
import UDMNormalizer

/// The tables a command runs with: the built-in tables, the output profile of `--profile NAME|DIR`
/// over them, `--mappings PATH` (a `*.map` file or a folder) over that, and `--log-type` resolved
/// against them. Problems are printed here, each with its exit code.
enum TableLoader {
    /// Loads the tables, or prints why not and gives the exit status: 3 when PATH cannot be read,
    /// 1 when a table has errors (every error is listed), 2 for an unknown log type.
    static func load(_ path: String?, profile: String? = nil, logType: String?, command: String) -> Result<
        (mappings: MappingSet, logType: LogType?), ExitStatus
    > {
        let mappings: MappingSet
        switch tables(path, profile: profile, command: command) {
        case .success(let loaded): mappings = loaded
        case .failure(let status): return .failure(status)
        }
        guard let logType else { return .success((mappings, nil)) }
        guard let resolved = resolve(logType, in: mappings) else {
            StandardStreams.error(
                "udm-normalize \(command): unknown --log-type '\(logType)' (known: \(mappings.logTypes.map(\.rawValue).joined(separator: ", ")), or cloudtrail, guardduty in any letter case)"
            )
            return .failure(.usage)
        }
        return .success((mappings, resolved))
    }

    /// The tables alone (no log type), with the same messages and exit codes.
    static func tables(_ path: String?, profile: String? = nil, command: String) -> Result<MappingSet, ExitStatus> {
        let base: MappingSet
        switch profileTables(profile, command: command) {
        case .success(let loaded): base = loaded
        case .failure(let status): return .failure(status)
        }
        guard let path, path != "builtin" else { return .success(base) }
        if let problem = PathProblem.reading(path, as: .fileOrFolder) {
            StandardStreams.error("udm-normalize \(command): --mappings \(problem)")
            return .failure(.pathUnusable)
        }
        let files: [(name: String, text: String)]
        do {
            files = try MappingSet.tableFiles(at: path)
        } catch {
            StandardStreams.error("udm-normalize \(command): --mappings \(error)")
            return .failure(.pathUnusable)
        }
        let checked = MappingLinter.compileErrors(files: files, over: base)
        guard let mappings = checked.mappings else {
            for error in checked.errors { StandardStreams.error(located(error, under: path, files: files).description) }
            StandardStreams.error(
                "udm-normalize \(command): the tables in \(path) have \(count(checked.errors.count, "error")); run 'udm-normalize mappings check \(path)'"
            )
            return .failure(.findings)
        }
        return .success(mappings)
    }

    /// The tables of `--profile`: a built-in profile by name, else a folder of profile tables layered
    /// over the built-in ones; without it, the built-in tables (the `reference` profile).
    static func profileTables(_ profile: String?, command: String) -> Result<MappingSet, ExitStatus> {
        guard let profile else { return .success(.builtin) }
        let known = MappingSet.builtinProfileNames
        do {
            if known.contains(profile) { return .success(try .builtin(profile: profile)) }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: profile, isDirectory: &isFolder), isFolder.boolValue else {
                let hint = NearestName.nearest(to: profile, among: known).map { "; did you mean '\($0)'?" } ?? ""
                StandardStreams.error(
                    "udm-normalize \(command): --profile \(profile): no built-in profile and no folder of that name (built-in: \(known.joined(separator: ", ")))\(hint)"
                )
                return .failure(.pathUnusable)
            }
            return .success(try MappingSet.load(profileDirectory: profile))
        } catch {
            StandardStreams.error("udm-normalize \(command): --profile \(profile): \(error)")
            return .failure(error.line == 0 ? .pathUnusable : .findings)
        }
    }

    /// A table error with its file named as the user can open it: the path given, or the file
    /// inside the folder given; built-in table names stay as they are.
    static func located(_ error: MappingError, under path: String, files: [(name: String, text: String)])
        -> MappingError
    {
        guard files.contains(where: { $0.name == error.file }) else { return error }
        var located = error
        if files.count == 1, path.hasSuffix(error.file) {
            located.file = path
        } else {
            located.file = (path.hasSuffix("/") ? path : path + "/") + error.file
        }
        return located
    }

    /// `AWS_CLOUDTRAIL`, `cloudtrail`, `GuardDuty`, … → the table's log type.
    static func resolve(_ text: String, in mappings: MappingSet) -> LogType? {
        let upper = text.uppercased()
        return mappings.logTypes.first { $0.rawValue == upper || $0.rawValue == "AWS_" + upper }
    }

    /// `1 error`, `2 errors`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
