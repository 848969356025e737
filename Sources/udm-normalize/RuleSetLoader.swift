import Foundation
import UDMNormalizer

/// Loads `--rules` paths for `rules`, `report --rules` and `diff --rules`, printing problems with
/// their exit code: 3 for a path that cannot be read or holds no rule, 1 for a rule that does not
/// parse (each error as FILE:LINE:COLUMN).
enum RuleSetLoader {
    static func load(_ paths: [String], command: String) -> Result<[DetectionRule], ExitStatus> {
        for path in paths {
            if let problem = PathProblem.reading(path, as: .fileOrFolder) {
                StandardStreams.error("udm-normalize \(command): --rules \(problem)")
                return .failure(.pathUnusable)
            }
        }
        let loaded = DetectionRuleSet.load(paths: paths)
        if let file = loaded.unreadable.first {
            StandardStreams.error("udm-normalize \(command): --rules \(file): cannot be read as UTF-8 text")
            return .failure(.pathUnusable)
        }
        if !loaded.errors.isEmpty {
            for error in loaded.errors { StandardStreams.error(error.description) }
            StandardStreams.error("udm-normalize \(command): \(TableLoader.count(loaded.errors.count, "rule error"))")
            return .failure(.findings)
        }
        guard !loaded.rules.isEmpty else {
            StandardStreams.error("udm-normalize \(command): no .yaral file in \(paths.joined(separator: ", "))")
            return .failure(.pathUnusable)
        }
        return .success(loaded.rules)
    }

    /// Runs `rules` over the events `mappings` make of `paths` (failures are counted in the run, not printed).
    static func run(_ rules: [DetectionRule], mappings: MappingSet, paths: [String]) -> RulesRun {
        var run = RulesRun(ruleSet: DetectionRuleSet(rules: rules), reportsFailures: false)
        let batch = BatchNormalizer(
            normalizer: Normalizer(mappings: mappings), jobs: ProcessInfo.processInfo.activeProcessorCount,
            rendering: .json, collectsReport: false)
        batch.run(paths: paths) { item in
            if case .record(let record) = item { run.read(record: record) }
        }
        return run
    }
}
