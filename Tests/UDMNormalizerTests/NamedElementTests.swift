import Foundation
import Testing

@testable import UDMNormalizer

/// The `about["name"]` target form: rules naming one element fill it together, apart from every other
/// element of the list.
@Suite struct NamedElementTests {
    static func about(_ rules: String, _ record: String) throws -> [[String: Any]] {
        let result = try MappingLanguageTests.run(rules, record)
        let object = try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any]
        return object?["about"] as? [[String: Any]] ?? []
    }

    @Test func rulesNamingOneElementFillItTogether() throws {
        let rules = """
            lib -> about["library"].file.full_path
            "library" -> about["library"].labels["kind"] | when exists lib
            mod -> about["module"].file.full_path
            "kernel_module" -> about["module"].labels["kind"] | when exists mod
            ports[*] -> about[*].port
            tags[*] -> about["library"].labels["tag"]

            """
        let about = try Self.about(
            rules, #"{"id":"1","lib":"/tmp/l.so","mod":"/m.ko","ports":[22,80],"tags":["a","b"]}"#)
        #expect(about.count == 4, "\(about)")
        let library = about.first { ($0["file"] as? [String: Any])?["full_path"] as? String == "/tmp/l.so" }
        let labels = (library?["labels"] as? [[String: String]] ?? []).map { "\($0["key"]!)=\($0["value"]!)" }
        #expect(labels == ["kind=library", "tag=a", "tag=b"], "a [*] source's values all go into the one element")
        let module = about.first { ($0["file"] as? [String: Any])?["full_path"] as? String == "/m.ko" }
        #expect((module?["labels"] as? [[String: String]])?.first?["value"] == "kernel_module")
        #expect(about.filter { $0["port"] != nil }.count == 2, "the numbered elements stay apart")
        // Near miss: a name the record gives nothing for makes no element.
        let none = try Self.about(rules, #"{"id":"1","mod":"/m.ko"}"#)
        #expect(none.count == 1)
    }

    @Test func aNamedElementNeedsARepeatedMessage() {
        let header = "@log_type GUARDDUTY\n@match exists x\n"
        #expect(MappingLanguageTests.compileError(header + "x -> principal[\"a\"].hostname\n") != nil)
        #expect(MappingLanguageTests.compileError(header + "x -> about[\"a\"].hostname\n") == nil)
        #expect(
            MappingLanguageTests.compileError(header + "x -> about[\"a\"].hostname | resource HOST \"h\"\n") != nil,
            "a resource rule fills one resource of its own")
    }
}
