import Foundation

/// Runs one mode: prepares its inputs once, then a warm-up and `runs`
/// repetitions, each in a child process of its own (so each peak memory is
/// that repetition's alone), and prints the median, min and max of every figure.
struct BenchRunner {
    var runs: Int
    var warmups: Int
    var size: BenchSize

    /// True when every repetition succeeded. The mode's folder is added to `leftovers`,
    /// to be removed after the last mode: ext4 passes over inodes freed in the last
    /// few minutes when it makes new files, so removing one mode's 10,000 files right
    /// before the next mode made that mode's builds up to 1.8x slower.
    func run(_ mode: BenchMode, leftovers: inout [URL]) -> Bool {
        print("\(mode.name): \(mode.summary)\(size == .small ? " [small]" : "")")
        let folder: URL
        do {
            folder = try BenchFolder.make(mode.name)
        } catch {
            print("  benchmark failed: preparing the inputs: \(error)")
            return false
        }
        leftovers.append(folder)
        defer { mode.finish(folder) }
        do {
            let seconds = try BenchFolder.time { try mode.prepare(folder, size) }
            print("  inputs made in \(BenchFigure.format(seconds, unit: "s")) s under \(BenchFolder.base.path)")
        } catch {
            print("  benchmark failed: preparing the inputs: \(error)")
            return false
        }
        var results: [[BenchFigure]] = []
        for index in 0..<(warmups + runs) {
            let label = index < warmups ? "warm-up" : "run \(index - warmups + 1)/\(runs)"
            switch BenchChild.run(mode: mode.name, folder: folder, size: size) {
            case .success(let figures):
                print("  \(label): " + figures.map { "\($0.name) \(BenchFigure.format($0.value, unit: $0.unit)) \($0.unit)" }.joined(separator: ", "))
                if index >= warmups { results.append(figures) }
            case .failure(let failure):
                print("  \(label): benchmark failed: \(failure)")
                return false
            }
        }
        printSummary(mode, results)
        return true
    }

    func printSummary(_ mode: BenchMode, _ results: [[BenchFigure]]) {
        let statistics = BenchStatistic.collect(results)
        let width = max(24, (statistics.map { $0.name.count + $0.unit.count + 3 }.max() ?? 0))
        func pad(_ text: String, _ n: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, n - text.count))
            return left ? text + space : space + text
        }
        print("  " + pad("\(mode.name), \(results.count) runs", width, left: true) + pad("median", 14) + pad("min", 14) + pad("max", 14))
        for s in statistics {
            print("  " + pad("\(s.name) (\(s.unit))", width, left: true)
                  + [s.median, s.min, s.max].map { pad(BenchFigure.format($0, unit: s.unit), 14) }.joined())
        }
    }

    /// The machine and its load, printed before the figures.
    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        var load = [Double](repeating: 0, count: 3)
        let loads = getloadavg(&load, 3) == 3 ? String(format: "%.2f %.2f %.2f", load[0], load[1], load[2]) : "unknown"
        let date = ISO8601DateFormatter().string(from: Date())
        return "machine: \(ProcessInfo.processInfo.hostName), \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), "
            + "load average \(loads), \(date)"
    }
}
