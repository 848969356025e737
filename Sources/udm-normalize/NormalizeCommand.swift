import Foundation
import UDMNormalizer

/// `udm-normalize normalize`: read inputs, write events, report failures and a summary.
struct NormalizeCommand {
    let options: NormalizeOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        if let directory = options.mappingsDirectory {
            do {
                mappings = try MappingSet.load(directory: directory)
            } catch {
                StandardStreams.error("udm-normalize: \(error)")
                return .inputUnreadable
            }
        } else {
            mappings = .builtin
        }
        if let logType = options.logType, !mappings.logTypes.contains(logType) {
            StandardStreams.error("udm-normalize normalize: unknown --log-type '\(logType)' (known: \(mappings.logTypes.joined(separator: ", "))). Run 'udm-normalize help normalize'.")
            return .usage
        }
        let normalizer = Normalizer(mappings: mappings, options: Normalizer.Options(logType: options.logType))
        var counts = (read: 0, normalized: 0, failed: 0, skipped: 0)
        var diagnosticsPrinted = 0
        var diagnosticsHidden = 0
        var unreadableInputs = 0
        let output = OutputStream.standardOutput
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)

        for path in options.paths.isEmpty ? ["-"] : options.paths {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path)
            } catch {
                StandardStreams.error("\(path): error: \(error)")
                unreadableInputs += 1
                continue
            }
            normalizer.normalize(input: bytes, source: path) { record in
                counts.read += 1
                switch record.outcome {
                case .normalized(let event):
                    counts.normalized += 1
                    switch options.format {
                    case .json:
                        event.appendJSON(to: &buffer)
                        buffer.append(UInt8(ascii: "\n"))
                    case .kv:
                        if counts.normalized > 1 { buffer.append(UInt8(ascii: "\n")) }
                        buffer.append(contentsOf: event.keyValueText.utf8)
                    }
                    for diagnostic in event.diagnostics {
                        if diagnosticsPrinted < options.maxDiagnostics {
                            StandardStreams.error("\(record.origin): note: \(diagnostic)")
                            diagnosticsPrinted += 1
                        } else {
                            diagnosticsHidden += 1
                        }
                    }
                case .failed(let reason):
                    counts.failed += 1
                    StandardStreams.error("\(record.origin): error: \(reason)")
                case .skipped(let reason):
                    counts.skipped += 1
                    StandardStreams.error("\(record.origin): skipped: \(reason)")
                }
                if buffer.count >= 1 << 16 { output.write(&buffer) }
            }
        }
        output.write(&buffer)
        if diagnosticsHidden > 0 {
            StandardStreams.error("\(diagnosticsHidden) more diagnostics not shown (raise --max-diagnostics to see them)")
        }
        StandardStreams.error("records: \(counts.read) read, \(counts.normalized) normalized, \(counts.failed) failed, \(counts.skipped) skipped")
        if unreadableInputs > 0 { return .inputUnreadable }
        return counts.failed > 0 ? .recordsFailed : .success
    }
}

/// Buffered writes to a file descriptor.
struct OutputStream {
    let handle: FileHandle
    static let standardOutput = OutputStream(handle: .standardOutput)

    func write(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reading an input path (or `-` for standard input) whole.
enum InputFile {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(description: "is a directory (give the files inside it)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(description: "cannot read the file (permission denied?)") }
        return Array(data)
    }
}
