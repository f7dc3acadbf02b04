import Foundation

/// One repetition in a child process: the bench runs itself with the hidden
/// `--child MODE DIR` arguments, and the child prints its figures as one JSON line.
enum BenchChild {
    static let marker = "dbag-bench-figures: "

    /// Spawns a child for one repetition; its figures plus its wall time as the parent saw it.
    static func run(mode: String, folder: URL, size: BenchSize) -> Result<[BenchFigure], BenchFailure> {
        let process = Process()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--child", mode, folder.path] + (size == .small ? ["--small"] : [])
        let output = Pipe()
        process.standardOutput = output
        let started = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { return .failure(BenchFailure("cannot start \(executable): \(error)")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failure(BenchFailure("the repetition exited with status \(process.terminationStatus)"))
        }
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix(marker) }),
              let figures = try? JSONDecoder().decode([BenchFigure].self, from: Data(line.dropFirst(marker.count).utf8)) else {
            return .failure(BenchFailure("the repetition printed no figures: \(text)"))
        }
        return .success(figures + [BenchFigure("process wall", wall, "s")])
    }

    /// The child's side: one repetition, its figures and peak memory on stdout; 1 on failure.
    static func main(mode: BenchMode, folder: URL, size: BenchSize) async -> Int32 {
        do {
            let figures = try await mode.run(folder, size) + [BenchFigure("peak memory", PeakMemory.megabytes(), "MB")]
            let json = try JSONEncoder().encode(figures)
            print(marker + String(decoding: json, as: UTF8.self))
            return 0
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            return 1
        }
    }
}

/// Runs `body` to its end on the concurrency pool while the main thread waits.
/// main.swift has no top-level `await`, so the main thread never parks in
/// libdispatch's `dispatch_main`, which valgrind 3.19 cannot follow.
func runBlocking(_ body: @escaping @Sendable () async -> Int32) -> Int32 {
    final class Box: @unchecked Sendable { var status: Int32 = 1 }
    let box = Box(), done = DispatchSemaphore(value: 0)
    Task.detached {
        box.status = await body()
        done.signal()
    }
    done.wait()
    return box.status
}
