import Foundation

/// Where benchmarks make their files, and their clocks.
enum BenchFolder {
    /// The folder benchmark folders go under: `DBAG_BENCH_DIR` (e.g. /dev/shm, to
    /// take the disk out of the figures), else the system's temporary directory.
    static var base: URL {
        ProcessInfo.processInfo.environment["DBAG_BENCH_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
    }

    /// A fresh folder for one mode's inputs.
    static func make(_ name: String) throws -> URL {
        let url = base.appendingPathComponent("dbag-bench-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Seconds `body` took.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seconds `body` took (async).
    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// The process's peak resident memory: `VmHWM` of /proc/self/status, the
/// high-water mark of this program alone. (`getrusage`'s `ru_maxrss` survives
/// `exec`, so a child would report its parent's peak when that was higher.)
enum PeakMemory {
    static func megabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
