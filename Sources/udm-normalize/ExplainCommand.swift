import Foundation
import UDMNormalizer

/// The parsed options of `udm-normalize explain`.
struct ExplainOptions {
    static let options: [CommandOption] = [
        CommandOption(
            long: "--record", short: "-r", value: "N",
            help: "Explain the N-th record of FILE, counted from 1 (default 1)."),
        CommandOption(long: "--json", help: "Print the explanation as one JSON object."),
        .profile, .mappings, .logType, .help,
    ]

    var target = ""
    var recordNumber: Int?
    var json = false
    var mappingsPath: String?
    var profile: String?
    var logType: String?
    var showHelp = false

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--record": recordNumber = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--json": json = true
            case "--mappings": mappingsPath = try take()
            case "--profile": profile = try take()
            case "--log-type": logType = try take()
            case "--help": showHelp = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        guard showHelp || reader.positional.count == 1 else {
            throw UsageError(message: "give one FILE or ORIGIN (such as trail.json:3 or trail.json:1:Records[5])")
        }
        target = reader.positional.first ?? ""
    }
}

/// `udm-normalize explain`: why one record came out the way it did.
struct ExplainCommand {
    let options: ExplainOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        let logType: LogType?
        switch TableLoader.load(
            options.mappingsPath, profile: options.profile, logType: options.logType, command: "explain")
        {
        case .success(let loaded): (mappings, logType) = loaded
        case .failure(let status): return status
        }
        let (path, origin) = Self.split(options.target)
        if origin != nil, options.recordNumber != nil {
            StandardStreams.error("udm-normalize explain: give an ORIGIN or --record, not both")
            return .usage
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let problem = PathProblem.reading(path, as: .file) {
            StandardStreams.error(
                "\(problem.path): error: cannot read: \(problem.reason)\(problem.advice.map { " (\($0))" } ?? "")")
            return .pathUnusable
        } else if let contents = FileManager.default.contents(atPath: path) {
            data = contents
        } else {
            StandardStreams.error("\(path): error: cannot read: the read failed")
            return .pathUnusable
        }
        let explanations = Normalizer(mappings: mappings, options: .init(logType: logType)).explain(
            input: Array(data), source: path)
        let chosen: RecordExplanation
        if let origin {
            // The origin as printed, or the first record below it (FILE:1 of a {"Records":[…]} file).
            guard
                let match = explanations.first(where: { $0.origin == origin })
                    ?? explanations.first(where: { $0.origin.hasPrefix(origin + ":") })
            else {
                let known = explanations.prefix(5).map(\.origin).joined(separator: ", ")
                StandardStreams.error(
                    "udm-normalize explain: no record at '\(origin)'; \(path) has \(TableLoader.count(explanations.count, "record"))\(known.isEmpty ? "" : ": \(known)\(explanations.count > 5 ? ", …" : "")")"
                )
                return .usage
            }
            chosen = match
        } else {
            let number = options.recordNumber ?? 1
            guard number <= explanations.count else {
                StandardStreams.error(
                    "udm-normalize explain: \(path) has \(TableLoader.count(explanations.count, "record")), not \(number)"
                )
                return .usage
            }
            chosen = explanations[number - 1]
        }
        StandardStreams.output(options.json ? chosen.json : chosen.text)
        // As `normalize` does: a record that failed is a finding.
        if case .failed = chosen.outcome { return .findings }
        return .success
    }

    /// `trail.json:1:Records[5]` → (`trail.json`, the whole origin); a path that exists is a FILE.
    static func split(_ target: String) -> (path: String, origin: String?) {
        if target == "-" || FileManager.default.fileExists(atPath: target) { return (target, nil) }
        var end = target.endIndex
        while let colon = target[..<end].lastIndex(of: ":") {
            let candidate = String(target[..<colon])
            if FileManager.default.fileExists(atPath: candidate) || candidate == "-" { return (candidate, target) }
            end = colon
        }
        return (target, nil)
    }
}
