// libFuzzer target: the CSV importer (`dbag import`) into an in-memory store,
// which is replaced every 1,000 inputs so it stays small.
import DbagKit
import CLibFuzzer
import Foundation

nonisolated(unsafe) var store: MetricStore?
nonisolated(unsafe) var runs = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runs += 1
    if store == nil || runs % 1000 == 0 {
        do { store = try MetricStore(path: ":memory:") } catch {
            print("FuzzCSV: cannot open an in-memory store: \(error)")
            exit(2)
        }
    }
    guard let store else { return 0 }
    do {
        let summary = try store.importCSV(Data(bytes: bytes, count: size), file: "fuzz.csv")
        for metric in summary.metrics { _ = try store.series(metric) }
    } catch {
        _ = "\(error)"
    }
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
