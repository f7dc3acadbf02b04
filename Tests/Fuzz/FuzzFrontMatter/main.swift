// libFuzzer target: a dashboard's front matter (the `---` fences and the YAML
// between them, read through Yams' node tree into title/description/order/draft).
import DbagKit
import CLibFuzzer
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    let split = FrontMatter.split(text, file: "dashboards/fuzz.md")
    // Every diagnostic names a line inside the text.
    let lines = text.utf8.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    for diagnostic in split.diagnostics {
        if let line = diagnostic.line, line < 1 || line > lines + 1 {
            print("FuzzFrontMatter: diagnostic on line \(line) of a \(lines)-line text: \(diagnostic)")
            abort()
        }
    }
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
