import Foundation
import PropertyBased
import Testing
@testable import DbagKit

/// Random keys and labels survive export → import byte for byte.
@Suite struct StoreCSVPropertyTests {
    /// Characters CSV must quote or carry: commas, quotes, line breaks, combining marks, emoji.
    static let tricky: [Character] = [",", "\"", "\n", "\r", "\r\n", " ", "\t", ";", "'", "a", "Z", "0", "é", "e\u{301}",
                                      "ß", "中", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{2028}", "\u{1}", "\u{7F}"]

    /// Half tricky characters, half any Unicode scalar but NUL.
    static let character = zip(Gen<UInt32>.value(in: 0...1), Gen<UInt32>.value(in: 1...0x10FFFF))
        .map { (pick: UInt32, scalar: UInt32) -> Character in
            pick == 0 ? tricky[Int(scalar) % tricky.count] : Character(UnicodeScalar(scalar) ?? "\u{FFFD}")
        }

    static let keys = character.string(of: 0...12).array(of: 1...6)

    static func export(_ store: MetricStore) throws -> Data {
        var data = Data()
        try store.exportCSV { data.append($0) }
        return data
    }

    @Test func keysRoundTripByteForByte() async {
        await propertyCheck(count: 60, input: Self.keys) { keys in
            let source = try ScratchProject().store(), target = try ScratchProject().store()
            let day = Day(ordinal: 20_000)
            let values = keys.enumerated().map { StoredValue(metric: "m", key: $1, day: day.advanced(by: $0), value: Double($0) + 0.5) }
            try source.save(values)
            let csv = try Self.export(source)
            #expect(try target.importCSV(csv, file: "all.csv").rows == keys.count)
            #expect(try Self.export(target) == csv)
            for (index, key) in keys.enumerated() {
                #expect(try target.series("m", key: key).contains(DayValue(day: day.advanced(by: index), value: Double(index) + 0.5)))
            }
        }
    }
}
