import Foundation
import UDMNormalizer

/// `explain`, `mappings check`, `mappings print`, `test` and `diff`: the table author's tools.
enum ToolCommands {
    static func explain(_ arguments: [String]) -> ExitStatus {
        var reader = ArgumentReader(arguments)
        var recordNumber = 1
        var mappingsDirectory: String?
        var profile: String?
        var logType: String?
        do throws(UsageError) {
            try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
                switch name {
                case "--record":
                    let text = try take()
                    guard let number = Int(text), number >= 1 else { throw UsageError(message: "--record takes a number from 1, not '\(text)'") }
                    recordNumber = number
                case "--mappings": mappingsDirectory = try take()
                case "--profile": profile = try take()
                case "--log-type": logType = try take()
                case "-h", "--help": throw UsageError(message: "help")
                default: throw UsageError(message: "unknown option '\(name)'")
                }
            }
            guard reader.positional.count == 1 else { throw UsageError(message: "give one FILE") }
        } catch {
            return usage(error, HelpText.explain)
        }
        let mappings: MappingSet
        do { mappings = try ArgumentReader.mappings(mappingsDirectory, profile: profile) } catch {
            StandardStreams.error("udm-normalize: \(error)")
            return .inputUnreadable
        }
        let path = reader.positional[0]
        guard let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path) else {
            StandardStreams.error("\(path): error: cannot read")
            return .inputUnreadable
        }
        let explanations = Normalizer(mappings: mappings, options: .init(logType: logType)).explain(input: Array(data), source: path)
        guard recordNumber <= explanations.count else {
            StandardStreams.error("\(path): error: the input has \(explanations.count) records, not \(recordNumber)")
            return .usage
        }
        StandardStreams.output(explanations[recordNumber - 1].text)
        return .success
    }

    static func mappings(_ arguments: [String]) -> ExitStatus {
        guard let subcommand = arguments.first, subcommand == "check" || subcommand == "print" else {
            return usage(UsageError(message: "expected 'mappings check' or 'mappings print'"), HelpText.mappings)
        }
        var reader = ArgumentReader(Array(arguments.dropFirst()))
        var logType: String?
        var profile: String?
        do throws(UsageError) {
            try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
                switch name {
                case "--log-type": logType = try take()
                case "--profile": profile = try take()
                case "-h", "--help": throw UsageError(message: "help")
                default: throw UsageError(message: "unknown option '\(name)'")
                }
            }
        } catch {
            return usage(error, HelpText.mappings)
        }
        let mappings: MappingSet
        do {
            // `mappings check DIR` lints DIR over the built-in tables (a full copy of Mappings/ replaces them file by file).
            mappings = try ArgumentReader.mappings(reader.positional.first, profile: profile)
        } catch {
            StandardStreams.error("\(error)")
            return .recordsFailed
        }
        if subcommand == "print" {
            if let logType, !mappings.logTypes.contains(logType) {
                StandardStreams.error("udm-normalize mappings print: unknown --log-type '\(logType)' (known: \(mappings.logTypes.joined(separator: ", ")))")
                return .usage
            }
            StandardStreams.output(MappingDocumentation.markdown(mappings, logType: logType))
            return .success
        }
        // Without --profile, every profile is checked over the tables: the built-in ones, or those of DIR/profiles/.
        var checked: [MappingSet] = [mappings]
        if profile == nil {
            do {
                checked += try profilesToCheck(directory: reader.positional.first, over: mappings)
            } catch {
                StandardStreams.error("\(error)")
                return .recordsFailed
            }
        }
        var errors = 0, warnings = 0
        for set in checked {
            let findings = MappingLinter.lint(set)
            for finding in findings { StandardStreams.error(finding.description) }
            let profileErrors = findings.filter { $0.severity == .error }.count
            errors += profileErrors
            warnings += findings.count - profileErrors
        }
        let profiles = checked.map(\.profile).joined(separator: ", ")
        StandardStreams.error("\(mappings.fileNames.count) tables checked (profiles: \(profiles)): \(errors) errors, \(warnings) warnings")
        return errors > 0 ? .recordsFailed : .success
    }

    static func test(_ arguments: [String]) -> ExitStatus {
        var reader = ArgumentReader(arguments)
        var mappingsDirectory: String?
        var profile: String?
        do throws(UsageError) {
            try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
                switch name {
                case "--mappings": mappingsDirectory = try take()
                case "--profile": profile = try take()
                case "-h", "--help": throw UsageError(message: "help")
                default: throw UsageError(message: "unknown option '\(name)'")
                }
            }
            guard reader.positional.count == 1 else { throw UsageError(message: "give one DIR of NAME.json / NAME.udm.ndjson pairs") }
        } catch {
            return usage(error, HelpText.test)
        }
        do {
            let normalizer = Normalizer(mappings: try ArgumentReader.mappings(mappingsDirectory, profile: profile))
            let results = try SampleTestRunner.run(directory: reader.positional[0], normalizer: normalizer)
            for result in results {
                StandardStreams.output("\(result.passed ? "PASS" : "FAIL") \(result.name)")
                for difference in result.differences { StandardStreams.output(difference) }
            }
            let failed = results.filter { !$0.passed }.count
            StandardStreams.output("\(results.count - failed) passed, \(failed) failed")
            return failed > 0 ? .recordsFailed : .success
        } catch {
            StandardStreams.error("udm-normalize test: \(error)")
            return .inputUnreadable
        }
    }

    static func diff(_ arguments: [String]) -> ExitStatus {
        var reader = ArgumentReader(arguments)
        var directories: [String] = []
        var profiles: [String] = []
        do throws(UsageError) {
            try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
                switch name {
                case "--mappings": directories.append(try take())
                case "--profile": profiles.append(try take())
                case "-h", "--help": throw UsageError(message: "help")
                default: throw UsageError(message: "unknown option '\(name)'")
                }
            }
            guard directories.count <= 2, profiles.count <= 2, directories.count == 2 || profiles.count == 2 else {
                throw UsageError(message: "give --mappings OLD --mappings NEW, or --profile OLD --profile NEW (one of each applies to both sides)")
            }
            guard !reader.positional.isEmpty else { throw UsageError(message: "give the logs to compare on") }
        } catch {
            return usage(error, HelpText.diff)
        }
        do {
            // "builtin" names the built-in tables (of the side's profile) as either side.
            func tables(_ side: Int) throws -> MappingSet {
                let profile = profiles.isEmpty ? nil : profiles[min(side, profiles.count - 1)]
                let directory = directories.isEmpty ? nil : directories[min(side, directories.count - 1)]
                return try ArgumentReader.mappings(directory == "builtin" ? nil : directory, profile: profile)
            }
            let diff = try TableDiff.run(old: Normalizer(mappings: try tables(0)), new: Normalizer(mappings: try tables(1)),
                                         paths: InputPaths.expand(reader.positional))
            StandardStreams.output(diff.text())
            return .success
        } catch {
            StandardStreams.error("udm-normalize diff: \(error)")
            return .inputUnreadable
        }
    }

    /// The profiles `mappings check` lints over `mappings`: DIR's `profiles/NAME/` folders when DIR has
    /// them, else (no DIR) the built-in profiles.
    private static func profilesToCheck(directory: String?, over mappings: MappingSet) throws(MappingError) -> [MappingSet] {
        guard let directory else {
            var sets: [MappingSet] = []
            for name in MappingSet.builtinProfileNames where name != MappingSet.referenceProfile { sets.append(try .builtin(profile: name)) }
            return sets
        }
        let folder = (directory as NSString).appendingPathComponent("profiles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var sets: [MappingSet] = []
        for name in names {
            sets.append(try MappingSet.load(profileDirectory: (folder as NSString).appendingPathComponent(name), over: mappings))
        }
        return sets
    }

    private static func usage(_ error: UsageError, _ help: String) -> ExitStatus {
        if error.message == "help" {
            StandardStreams.output(help)
            return .success
        }
        StandardStreams.error("udm-normalize: \(error.message)\n\n\(help)")
        return .usage
    }
}
