import Foundation

extension Normalizer {
    /// Normalizes every record of one input held in a `Data` (as `URLSession`, `FileManager` or an
    /// S3 SDK hand it over), exactly as ``normalize(input:source:_:)-([UInt8],_,_)`` does with bytes.
    ///
    /// ```swift
    /// let (body, _) = try await URLSession.shared.data(from: objectURL)
    /// normalizer.normalize(input: body, source: objectURL.lastPathComponent) { record in … }
    /// ```
    ///
    /// - Parameters:
    ///   - input: The whole input, as read (gzip is detected by content).
    ///   - source: The name used in origins, such as the file path or `-` for standard input.
    ///   - body: Called once per record, in input order.
    public func normalize(input: Data, source: String, _ body: (NormalizedRecord) throws -> Void) rethrows {
        try normalize(input: [UInt8](input), source: source, body)
    }

}
