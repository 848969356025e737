/// Reads a value's text as the scalar a rule asks for — integer, number, boolean, timestamp — for
/// the `| int`, `| float`, `| bool` and `| timestamp` transforms and for typed UDM fields alike, so a
/// value is accepted or refused the same way, in the same words, whichever asked.
enum ValueConverter {
    /// Why a value does not convert, in the words of a diagnostic.
    struct Failure: Error {
        var message: String
    }

    /// `42`, `-7`, `"42"` → the integer; anything else fails ("'x' is not an integer").
    static func integer(_ text: String) -> Result<Int64, Failure> {
        guard let number = JSONNumber.int64(text) else {
            return .failure(Failure(message: "'\(text)' is not an integer"))
        }
        return .success(number)
    }

    /// A JSON number's text → its value; with `finite`, infinities (`1e999`) fail too.
    static func number(_ text: String, finite: Bool) -> Result<Double, Failure> {
        guard let number = JSONNumber.double(text), !finite || number.isFinite else {
            return .failure(Failure(message: "'\(text)' is not a number"))
        }
        return .success(number)
    }

    /// `true` / `false` in any letter case → the boolean; anything else fails, quoted in lower case.
    static func boolean(_ text: String) -> Result<Bool, Failure> {
        switch text.lowercased() {
        case "true": return .success(true)
        case "false": return .success(false)
        case let other: return .failure(Failure(message: "'\(other)' is not a boolean"))
        }
    }

    /// Any timestamp form `Timestamp(any:)` reads → the timestamp.
    static func timestamp(_ text: String) -> Result<Timestamp, Failure> {
        guard let timestamp = Timestamp(any: text) else {
            return .failure(Failure(message: "'\(text)' is not a timestamp"))
        }
        return .success(timestamp)
    }

    /// Whether `number` fits a UDM integer field of `type` (`int64` takes any).
    static func fits(_ number: Int64, _ type: UDMSchema.FieldType) -> Result<Int64, Failure> {
        let fits: Bool
        switch type {
        case .int32: fits = number >= Int64(Int32.min) && number <= Int64(Int32.max)
        case .uint32: fits = number >= 0 && number <= Int64(UInt32.max)
        case .uint64: fits = number >= 0
        default: fits = true
        }
        return fits ? .success(number) : .failure(Failure(message: "\(number) is out of range for \(type)"))
    }
}
