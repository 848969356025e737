import Testing

@testable import UDMNormalizer

/// The table lexer reads each line's UTF-8 bytes in place: tokens, their columns (counted in
/// Unicode scalars), string escapes and the errors it raises, on ASCII and non-ASCII lines.
@Suite struct MappingLexerTests {
    static let location = TableLocation(file: "t.map", line: 7, column: 1)

    static func tokens(_ line: String) throws(MappingError) -> [MappingToken] {
        try MappingLexer(location: location).tokenize(Array(line.utf8)[...])
    }

    static func error(_ line: String) -> MappingError? {
        do {
            _ = try tokens(line)
            return nil
        } catch {
            return error
        }
    }

    @Test func asciiRuleTokensAndColumns() throws {
        let line = #"requestParameters.bucketName ?? "none" -> target.resource.name | lower  # why"#
        #expect(
            try Self.tokens(line) == [
                MappingToken(kind: .word, text: "requestParameters.bucketName", column: 1),
                MappingToken(kind: .symbol, text: "??", column: 30),
                MappingToken(kind: .string, text: "none", column: 33),
                MappingToken(kind: .symbol, text: "->", column: 40),
                MappingToken(kind: .word, text: "target.resource.name", column: 43),
                MappingToken(kind: .symbol, text: "|", column: 64),
                MappingToken(kind: .word, text: "lower", column: 66),
            ])
        #expect(
            try Self.tokens(#"@when a.b[attr="x y"].c != -1 and d >= -inf"#) == [
                MappingToken(kind: .directive, text: "when", column: 1),
                MappingToken(kind: .word, text: #"a.b[attr="x y"].c"#, column: 7),
                MappingToken(kind: .symbol, text: "!=", column: 25),
                MappingToken(kind: .word, text: "-1", column: 28),
                MappingToken(kind: .word, text: "and", column: 31),
                MappingToken(kind: .word, text: "d", column: 35),
                MappingToken(kind: .symbol, text: ">=", column: 37),
                MappingToken(kind: .word, text: "-inf", column: 40),
            ])
        #expect(
            try Self.tokens("$role.a_b:c*/d%9 -> x") == [
                MappingToken(kind: .word, text: "$role.a_b:c*/d%9", column: 1),
                MappingToken(kind: .symbol, text: "->", column: 18),
                MappingToken(kind: .word, text: "x", column: 21),
            ])
        #expect(try Self.tokens("   # only a comment").isEmpty)
        #expect(try Self.tokens("").isEmpty)
    }

    @Test func nonASCIIWordsStringsAndColumns() throws {
        #expect(
            try Self.tokens(#"café.näme -> about.labels["ü → x"] # ö"#) == [
                MappingToken(kind: .word, text: "café.näme", column: 1),
                MappingToken(kind: .symbol, text: "->", column: 11),
                MappingToken(kind: .word, text: #"about.labels["ü → x"]"#, column: 14),
            ])
        #expect(
            try Self.tokens(#""日本 \"q\" a\\b\tc\nd" + x"#) == [
                MappingToken(kind: .string, text: "日本 \"q\" a\\b\tc\nd", column: 1),
                MappingToken(kind: .symbol, text: "+", column: 23),
                MappingToken(kind: .word, text: "x", column: 25),
            ])
    }

    @Test func errorsNameTheColumn() {
        #expect(
            Self.error(#""ü\q""#)
                == MappingError(file: "t.map", line: 7, column: 3, message: "unknown escape '\\q' in string"))
        #expect(
            Self.error("ü → x")
                == MappingError(file: "t.map", line: 7, column: 3, message: "unexpected character '→'"))
        #expect(
            Self.error(#"a -> "abc"#) == MappingError(file: "t.map", line: 7, column: 6, message: "unterminated string")
        )
        #expect(Self.error("é[b -> c") == MappingError(file: "t.map", line: 7, column: 2, message: "unclosed '['"))
        #expect(
            Self.error("a ; b") == MappingError(file: "t.map", line: 7, column: 3, message: "unexpected character ';'"))
    }

    /// A key segment is an array index exactly when `Int(text)` reads a number that is not negative.
    @Test func elementIndexReadsAsIntDoes() {
        for text in [
            "0", "7", "12", "007", "+5", "-0", "-1", "", "+", "-", "1a", "a1", " 1", "9223372036854775807",
            "9223372036854775808", "99999999999999999999", "١",
        ] {
            #expect(
                SourcePath.elementIndex(Array(text.utf8)[...]) == Int(text).flatMap { $0 >= 0 ? $0 : nil }, "\(text)")
        }
    }

    /// `@keys first_letter_any_case`: each key also matches with its first letter's case flipped.
    @Test func firstLetterAnyCaseAlternates() throws {
        let path = try SourcePath(
            #"service.Action.éclair._id.9lives[name=Ünit]"#, location: Self.location, column: 1,
            keyCase: .firstLetterAnyCase)
        var alternates: [String?] = []
        for step in path.steps {
            switch step {
            case .key(_, _, let alternate), .select(_, _, let alternate):
                alternates.append(alternate.map { String(decoding: $0, as: UTF8.self) })
            case .each: alternates.append(nil)
            }
        }
        #expect(alternates == ["Service", "action", "Éclair", nil, nil, "Name"])
        let exact = try SourcePath("service.Action", location: Self.location, column: 1)
        #expect(exact.steps == [.key(Array("service".utf8), index: nil), .key(Array("Action".utf8), index: nil)])
    }
}
