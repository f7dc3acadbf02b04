// libFuzzer target: the CSV importer (`dbag import`) into a real store file
// (in /dev/shm when there is one), made afresh every 1,000 inputs so it stays small.
import CLibFuzzer
import DbagKit
import Foundation

let folder = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    + "/dbag-fuzz-csv-\(getpid())"
nonisolated(unsafe) var store: MetricStore?
nonisolated(unsafe) var runs = 0

func freshStore() -> MetricStore {
    try? FileManager.default.removeItem(atPath: folder)
    do { return try MetricStore(path: folder + "/store.sqlite") } catch {
        FileHandle.standardError.write(Data("FuzzCSV: cannot make a store in \(folder): \(error)\n".utf8))
        exit(2)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runs += 1
    if store == nil || runs % 1000 == 0 {
        store = nil
        store = freshStore()
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

atexit { try? FileManager.default.removeItem(atPath: folder) }
exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))
