import Foundation

/// A buffered output: standard output or a file created (truncated) at start.
final class OutputFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    static func standardOutput() -> OutputFile { OutputFile(handle: .standardOutput) }

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 17)
    }

    /// Creates or truncates `path`; throws why not, in plain words, naming `option`.
    static func create(_ path: String, option: String) throws(PathProblem) -> OutputFile {
        if var problem = PathProblem.writing(path) {
            problem.path = "\(option) \(problem.path)"
            throw problem
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw PathProblem.writing(path) ?? PathProblem(path: "\(option) \(path)", reason: "the file could not be created")
        }
        return OutputFile(handle: handle)
    }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) { write(text.utf8) }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
