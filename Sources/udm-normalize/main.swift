import Foundation

// The CLI is wiring only: argument parsing, reading files, printing. All behaviour is in the library.
let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineTool.run(arguments)
exit(status.rawValue)
