import Foundation

/// The functions a rule may call, with how many arguments each takes. A call to any other
/// function is a parse error naming it.
enum RuleFunction: String, Sendable, CaseIterable {
    case regex = "re.regex"
    case capture = "re.capture"
    case replace = "re.replace"
    case concat = "strings.concat"
    case toLower = "strings.to_lower"
    case toUpper = "strings.to_upper"
    case lower = "strings.lower"
    case upper = "strings.upper"
    case contains = "strings.contains"
    case startsWith = "strings.starts_with"
    case endsWith = "strings.ends_with"
    case coalesce = "strings.coalesce"
    case trim = "strings.trim"
    case leftTrim = "strings.ltrim"
    case rightTrim = "strings.rtrim"
    case length = "strings.length"
    case reverse = "strings.reverse"
    case countSubstrings = "strings.count_substrings"
    case ipInRange = "net.ip_in_range_cidr"
    case getHour = "timestamp.get_hour"
    case getMinute = "timestamp.get_minute"
    case getDayOfWeek = "timestamp.get_day_of_week"
    case getDate = "timestamp.get_date"
    case diff = "timestamp.diff"
    case currentSeconds = "timestamp.current_seconds"

    /// The fewest and most arguments.
    var arity: ClosedRange<Int> {
        switch self {
        case .currentSeconds: return 0...0
        case .toLower, .toUpper, .lower, .upper, .length, .reverse: return 1...1
        case .getHour, .getMinute, .getDayOfWeek, .getDate, .trim, .leftTrim, .rightTrim: return 1...2
        case .regex, .capture, .contains, .startsWith, .endsWith, .countSubstrings, .ipInRange: return 2...2
        case .diff: return 2...3
        case .replace: return 3...3
        case .concat, .coalesce: return 1...64
        }
    }

    /// Which argument is a regular expression, compiled when the rule is parsed.
    var patternArgument: Int? {
        switch self {
        case .regex, .capture, .replace: return 1
        default: return nil
        }
    }

    func evaluate(_ arguments: [RuleScalar], patterns: [Int: RE2Pattern]) -> RuleScalar {
        func text(_ index: Int) -> String { index < arguments.count ? arguments[index].text : "" }
        func trimSet(_ index: Int) -> CharacterSet {
            index < arguments.count ? CharacterSet(charactersIn: text(index)) : .whitespacesAndNewlines
        }
        switch self {
        case .regex: return .bool(patterns[1]?.matches(text(0)) ?? false)
        case .capture: return .string(patterns[1]?.capture(text(0)) ?? "")
        case .replace: return .string(patterns[1]?.replace(text(0), with: text(2)) ?? text(0))
        case .concat: return .string(arguments.map(\.text).joined())
        case .toLower, .lower: return .string(text(0).lowercased())
        case .toUpper, .upper: return .string(text(0).uppercased())
        case .contains: return .bool(text(0).contains(text(1)))
        case .startsWith: return .bool(text(0).hasPrefix(text(1)))
        case .endsWith: return .bool(text(0).hasSuffix(text(1)))
        case .coalesce: return arguments.first { !$0.text.isEmpty } ?? .string("")
        case .trim: return .string(text(0).trimmingCharacters(in: trimSet(1)))
        case .leftTrim: return .string(String(text(0).drop { trimSet(1).contains($0.unicodeScalars.first!) }))
        case .rightTrim:
            return .string(String(text(0).reversed().drop { trimSet(1).contains($0.unicodeScalars.first!) }.reversed()))
        case .length: return .number(Double(text(0).count))
        case .reverse: return .string(String(text(0).reversed()))
        case .countSubstrings:
            let needle = text(1)
            guard !needle.isEmpty else { return .number(0) }
            return .number(Double(text(0).components(separatedBy: needle).count - 1))
        case .ipInRange:
            return .bool(CIDRRange(text(1)).map { $0.contains(text(0)) } ?? false)
        case .getHour, .getMinute, .getDayOfWeek, .getDate:
            guard let seconds = arguments.first?.number else { return .absent }
            let whole = Int64(seconds.rounded(.down))
            let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
            let secondOfDay = Int(whole - days * 86_400)
            switch self {
            case .getHour: return .number(Double(secondOfDay / 3600))
            case .getMinute: return .number(Double(secondOfDay / 60 % 60))
            // 1970-01-01 was a Thursday; Sunday is 1, as Google counts.
            case .getDayOfWeek: return .number(Double(((days % 7 + 7) % 7 + 4) % 7 + 1))
            default:
                let date = Timestamp(seconds: whole).rfc3339
                return .string(String(date.prefix(10)))
            }
        case .diff:
            guard let left = arguments.first?.number, let right = arguments.dropFirst().first?.number else {
                return .absent
            }
            return .number(left - right)
        case .currentSeconds: return .number(Date().timeIntervalSince1970.rounded(.down))
        }
    }
}

extension Timestamp {
    /// The whole second `seconds` after the epoch.
    init(seconds: Int64) {
        self.seconds = seconds
        self.fraction = ""
    }
}
