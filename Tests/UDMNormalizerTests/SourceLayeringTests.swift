import Foundation
import Testing

/// The folders depend one way: `Mapping/` turns table text into checked tables and nothing else, so
/// none of its code names a run-time type (the resolver, the parsed record, the program and its parts).
@Suite struct SourceLayeringTests {
    static var runTimeNames: Regex<(Substring, Substring)> {
        #/\b(PathResolver|JSONDocument|RecordMapper|MappingProgram|FrozenProgram|PathTable|Program[A-Z]\w*|ValueView|MappedValue|UDMEventBuilder)\b/#
            .wordBoundaryKind(.simple)  // `MappingProgram.View` is one word to the default (Unicode) boundaries
    }

    @Test func mappingCodeNamesNoRunTimeType() throws {
        let folder = PackagePaths.sources.appendingPathComponent("Mapping")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(names.count > 10, "Mapping/ holds the table language's files")
        var offenders: [String] = []
        for name in names.sorted() {
            let text = try PackagePaths.read(folder.appendingPathComponent(name))
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Comments may say what the program does with a table; code may not use it.
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if let match = code.firstMatch(of: Self.runTimeNames) {
                    offenders.append("Mapping/\(name):\(number + 1): \(match.output.0)")
                }
            }
        }
        #expect(offenders.isEmpty, "run-time types named in Mapping/: \(offenders.joined(separator: ", "))")
    }

    @Test func theCheckFindsARunTimeName() {
        #expect("let resolver: PathResolver".firstMatch(of: Self.runTimeNames) != nil)
        #expect("view: MappingProgram.View".firstMatch(of: Self.runTimeNames) != nil)
        #expect("case .when(ProgramCondition)".firstMatch(of: Self.runTimeNames) != nil)
        #expect("let document: JSONDocument".firstMatch(of: Self.runTimeNames) != nil)
        #expect("let condition: Condition".firstMatch(of: Self.runTimeNames) == nil)
    }
}
