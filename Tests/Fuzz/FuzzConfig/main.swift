// libFuzzer target: the dbag.yml loader (YAML through Yams' node tree, every
// key, metric and collector checked, each error located).
import DbagKit
import CLibFuzzer
import Foundation

let directory = URL(fileURLWithPath: "/nonexistent/fuzz-project")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    do {
        let config = try ConfigLoader.parse(text, directory: directory)
        _ = config.metrics.map { ($0.slug, $0.name) }
    } catch {
        _ = error.diagnostics.map(\.description)
    }
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
