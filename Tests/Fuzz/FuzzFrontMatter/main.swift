// libFuzzer target: a dashboard's front matter (the `---` fences and the YAML
// between them, read through Yams' node tree into title/description/order/draft).
import DbagKit
import CLibFuzzer
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    let split = FrontMatter.split(text, file: "dashboards/fuzz.md")
    // Every diagnostic names a line inside the text (lines end with LF, CRLF or a lone CR, as in CommonMark and YAML).
    var lines = 1, previous: UInt8 = 0
    for byte in text.utf8 {
        if byte == 13 || (byte == 10 && previous != 13) { lines += 1 }
        previous = byte
    }
    for diagnostic in split.diagnostics {
        if let line = diagnostic.line, line < 1 || line > lines + 1 {
            FileHandle.standardError.write(Data("FuzzFrontMatter: diagnostic on line \(line) of a \(lines)-line text: \(diagnostic)\n".utf8))
            abort()
        }
    }
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
