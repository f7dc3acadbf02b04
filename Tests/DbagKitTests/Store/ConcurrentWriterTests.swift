import Foundation
import Testing
@testable import DbagKit

@Suite struct ConcurrentWriterTests {
    /// Two connections write at once; WAL and the busy timeout let both succeed.
    @Test func twoWritersBothSucceed() async throws {
        let project = try ScratchProject()
        let path = project.directory.appendingPathComponent(".dbag/metrics.sqlite").path
        _ = try MetricStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try MetricStore(path: path)
                    for batch in 0..<20 {
                        let values = (0..<200).map { StoredValue(metric: "w\(writer)", key: "\(batch)", day: Day(ordinal: $0), value: Double($0)) }
                        try store.save(values)
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try MetricStore(path: path, readOnly: true)
        let all = try store.allSeries()
        #expect(all["w0"]?.count == 20)
        #expect(all["w1"]?.values.map(\.count).reduce(0, +) == 4000)
    }
}
