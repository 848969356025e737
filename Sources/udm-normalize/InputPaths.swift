import Foundation

/// Expands the PATH arguments: files as given, folders walked recursively in name order
/// (hidden entries skipped), `-` for standard input.
enum InputPaths {
    static func expand(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for argument in arguments.isEmpty ? ["-"] : arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let files = walk(argument)
                // An empty folder stays in the list so that it is reported as unreadable, not ignored.
                result.append(contentsOf: files.isEmpty ? [argument] : files)
            } else {
                // Missing or unreadable paths stay in the list, so they are reported in order.
                result.append(argument)
            }
        }
        return result
    }

    private static func walk(_ directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [directory] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { files.append(contentsOf: walk(path)) } else { files.append(path) }
        }
        return files
    }
}
