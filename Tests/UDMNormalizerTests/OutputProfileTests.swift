import Foundation
import Testing

@testable import UDMNormalizer

/// Output profiles and the table-language features they use: prefix lookups, `@precedence`, layering
/// built-in → profile → the user's `--mappings`, and the tools that name the profile.
@Suite struct OutputProfileTests {
    // Event types UDM requires nothing more of, so the validator keeps whichever the tables pick.
    static let base = """
        @log_type TEST
        @match exists id
        "2024-01-01T00:00:00Z" -> metadata.event_timestamp
        name -> metadata.description
        "from the base" -> metadata.description
        verb -> metadata.event_type | lookup families
        "GENERIC_EVENT" -> metadata.event_type
        @lookup families prefix default empty
        Get = NETWORK_FLOW
        GetSecret = NETWORK_DNS
        Delete = GROUP_DELETION
        @end
        """

    static func describe(_ mappings: MappingSet, _ record: String) throws -> (
        description: String?, type: String?, json: String
    ) {
        guard case .normalized(let event) = Normalizer(mappings: mappings).normalize(record: Array(record.utf8)) else {
            throw InputError(path: "record", reason: "not normalized")
        }
        return (
            event.values(at: "metadata.description").first, event.values(at: "metadata.event_type").first, event.json
        )
    }

    static func folder(_ files: [String: String]) throws -> URL {
        let directory = try PackagePaths.temporaryDirectory("profile")
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    // MARK: Prefix lookups

    @Test func prefixLookupsPickTheLongestKeyTheValueStartsWith() throws {
        let mappings = try MappingSet(files: [("base.map", Self.base)])
        #expect(try Self.describe(mappings, #"{"id":1,"verb":"GetObject"}"#).type == "NETWORK_FLOW")
        #expect(
            try Self.describe(mappings, #"{"id":1,"verb":"GetSecretValue"}"#).type == "NETWORK_DNS",
            "the longer key wins")
        #expect(
            try Self.describe(mappings, #"{"id":1,"verb":"Get"}"#).type == "NETWORK_FLOW",
            "a key matches the whole value too")
        #expect(
            try Self.describe(mappings, #"{"id":1,"verb":"DescribeTrails"}"#).type == "GENERIC_EVENT",
            "no key: the next rule applies")
        #expect(
            try Self.describe(mappings, #"{"id":1,"verb":"getObject"}"#).type == "GENERIC_EVENT",
            "prefixes are case-sensitive")
    }

    @Test func prefixLookupMistakesAreReported() {
        let empty = MappingLanguageTests.compileError("@lookup x prefix default empty\n\"\" = A\n@end\n")
        #expect(empty?.line == 2 && empty?.message.contains("non-empty key") == true)
        let documented = MappingDocumentation.markdown(try! MappingSet(files: [("base.map", Self.base)]), logType: nil)
        #expect(documented.contains("Keys are prefixes: the longest key the value starts with wins."))
    }

    // MARK: Layering

    @Test func precedenceFirstAddsAheadOfTheBuiltInRulesAndLastAfterThem() throws {
        let base = try MappingSet(files: [("base.map", Self.base)])
        let first = try base.layered(
            with: [("p/first.map", "@log_type TEST\n@precedence first\n\"profile\" -> metadata.description\n")],
            replacingByName: false, profile: "p")
        #expect(
            try Self.describe(first, #"{"id":1,"name":"record"}"#).description == "profile",
            "ahead of every built-in rule for the target")
        let last = try base.layered(
            with: [("p/last.map", "@log_type TEST\n@precedence last\nother -> metadata.description\n")],
            replacingByName: false, profile: "p")
        #expect(
            try Self.describe(last, #"{"id":1,"other":"x"}"#).description == "from the base",
            "after them: the base's constant wins")
        let plain = try base.layered(
            with: [("p/plain.map", "@log_type TEST\n\"replaced\" -> metadata.description\n")], replacingByName: false,
            profile: "p")
        #expect(
            try Self.describe(plain, #"{"id":1,"name":"record"}"#).description == "replaced",
            "without @precedence a rule of the same scope and target replaces the first built-in one")
        #expect(
            MappingLanguageTests.compileError("@log_type T\n@precedence sometimes\n")?.message.contains(
                "'first' or 'last'") == true)
    }

    @Test func rulesOfOneIdentityInAnExtensionKeepTheirOrder() throws {
        let base = try MappingSet(files: [("base.map", Self.base)])
        let profile = """
            @log_type TEST
            @remove metadata.event_type
            verb -> metadata.event_type | lookup specific
            verb -> metadata.event_type | lookup families
            "GENERIC_EVENT" -> metadata.event_type
            @lookup specific default empty
            GetObject = NETWORK_DNS
            @end
            """
        let layered = try base.layered(with: [("p/types.map", profile)], replacingByName: false, profile: "p")
        #expect(try Self.describe(layered, #"{"id":1,"verb":"GetObject"}"#).type == "NETWORK_DNS")
        #expect(
            try Self.describe(layered, #"{"id":1,"verb":"GetBucket"}"#).type == "NETWORK_FLOW",
            "the second rule of the identity still runs, after the first")
        #expect(try Self.describe(layered, #"{"id":1,"verb":"Put"}"#).type == "GENERIC_EVENT")
        let mismatch = #"@log_type TEST"# + "\n@lookup families default empty\nGet = NETWORK_FLOW\n@end\n"
        #expect(throws: MappingError.self) {
            try base.layered(with: [("p/m.map", mismatch)], replacingByName: false, profile: "p")
        }
    }

    @Test func theUsersTablesWinOverTheProfileWhichWinsOverTheBuiltInOnes() throws {
        let base = try MappingSet(files: [("base.map", Self.base)])
        let profileFolder = try Self.folder(["desc.map": "@log_type TEST\nname -> metadata.description | upper\n"])
        defer { try? FileManager.default.removeItem(at: profileFolder) }
        let profiled = try MappingSet.load(profileDirectory: profileFolder.path, over: base)
        #expect(profiled.profile == profileFolder.lastPathComponent)
        #expect(profiled.fileNames.contains("base.map"))
        #expect(try Self.describe(profiled, #"{"id":1,"name":"record"}"#).description == "RECORD")
        let userFolder = try Self.folder(["site.map": "@log_type TEST\nname -> metadata.description | lower\n"])
        defer { try? FileManager.default.removeItem(at: userFolder) }
        let user = try MappingSet.load(directory: userFolder.path, over: profiled)
        #expect(user.profile == profiled.profile, "the user's tables keep the profile")
        #expect(
            try Self.describe(user, #"{"id":1,"name":"Record"}"#).description == "record",
            "the user's rule replaces the profile's")
        let explained = Normalizer(mappings: profiled).explain(
            input: Array(#"{"id":1,"name":"record"}"#.utf8), source: "r.json")
        #expect(
            explained[0].text.contains("(\(profileFolder.lastPathComponent)/desc.map:2)"),
            "explain names the profile's file and line")
    }

    // MARK: Built-in profiles

    @Test func builtInProfilesAreNamedAndShared() throws {
        #expect(MappingSet.builtinProfileNames == ["reference", "google-secops"])
        #expect(try MappingSet.builtin(profile: "reference") === MappingSet.builtin)
        #expect(MappingSet.builtin.profile == "reference")
        let secops = try MappingSet.builtin(profile: "google-secops")
        #expect(secops === (try MappingSet.builtin(profile: "google-secops")), "compiled once")
        #expect(secops.profile == "google-secops")
        #expect(
            secops.fileNames == MappingSet.builtin.fileNames,
            "a profile extends the built-in tables; it adds no table of its own")
        #expect(secops.texts.contains { $0.name == "profiles/google-secops/cloudtrail-event-types.map" })
        do {
            _ = try MappingSet.builtin(profile: "splunk")
            Issue.record("an unknown profile must be refused")
        } catch {
            #expect(error.message.contains("reference, google-secops"))
        }
        // Notes say what each profile rule replaced or added; nothing else is found.
        let lint = MappingLinter.lint(secops).filter { $0.severity != .note }
        #expect(lint.isEmpty, "\(lint.map(\.description))")
    }

    @Test func explainNamesTheProfileFileOfAField() throws {
        let record = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/attach-role-policy.json"))
        let explanation = Normalizer(mappings: try MappingSet.builtin(profile: "google-secops")).explain(
            input: Array(record.utf8), source: "attach-role-policy.json")[0].text
        #expect(explanation.contains(#"metadata.product_name = "AWS CloudTrail""#))
        #expect(explanation.contains("(profiles/google-secops/cloudtrail.map:"))
        #expect(explanation.contains(#"target.resource.name = "arn:aws:iam::aws:policy/AdministratorAccess""#))
        #expect(explanation.contains("(profiles/google-secops/cloudtrail-fields.map:"))
    }

    @Test func reportsStateTheirProfile() throws {
        var builder = ReportBuilder(profile: "google-secops")
        let normalizer = Normalizer(
            mappings: try MappingSet.builtin(profile: "google-secops"), options: .init(trackCoverage: true))
        let record = try PackagePaths.read(PackagePaths.samples.appendingPathComponent("cloudtrail/create-user.json"))
        normalizer.normalize(input: Array(record.utf8), source: "create-user.json") { builder.add($0) }
        let report = builder.build()
        #expect(report.profile == "google-secops")
        #expect(ReportTextWriter.render(report).hasPrefix("profile: google-secops\n"))
        #expect(ReportJSONWriter.render(report).contains(#""profile": "google-secops","#))
        #expect(ReportHTMLWriter.render(report).contains("Output profile: <code>google-secops</code>"))
        #expect(ReportBuilder().build().profile == "reference")
    }
}

/// In-memory tables layered over the built-in ones, as a library user adds a site's rules.
@Suite struct InMemoryTableTests {
    @Test func anExtensionGivenAsTextIsLayeredOverTheTables() throws {
        let tables = try MappingSet.builtin.adding(
            tableText: """
                @log_type AWS_CLOUDTRAIL
                "Site rule" -> security_result.summary
                """, name: "site.map")
        let record = Array(
            #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","sourceIPAddress":"192.0.2.1"}"#
                .utf8)
        guard case .normalized(let event) = Normalizer(mappings: tables).normalize(record: record) else {
            Issue.record("the record did not normalize")
            return
        }
        #expect(event["security_result.summary"] == "Site rule")
        #expect(tables.profile == MappingSet.referenceProfile)
        guard case .normalized(let plain) = Normalizer().normalize(record: record) else { return }
        #expect(plain["security_result.summary"] == nil, "the built-in tables are unchanged")
    }

    @Test func aProfileIsKeptAndABadTableIsAnError() throws {
        let secops = try MappingSet.builtin(profile: "google-secops")
        let layered = try secops.adding(
            tableText: "@log_type AWS_CLOUDTRAIL\n\"x\" -> principal.hostname\n", name: "site.map")
        #expect(layered.profile == "google-secops")
        #expect(throws: MappingError.self) {
            try MappingSet.builtin.adding(
                tableText: "@log_type AWS_CLOUDTRAIL\n\"x\" -> principal.no_such_field\n", name: "bad.map")
        }
    }
}
