import Foundation
import Testing
@testable import DbagKit

/// The data API and export write numbers as bytes: the same text as `StoreCSV.number`.
@Suite struct StoreCSVNumberTests {
    @Test(arguments: [0, -0.0, 1, -1, 7, 10, -10, 12_345, 999_999_999_999_999, -999_999_999_999_999, 1e15, 0.25, -0.5, 1e-7, 123.456, 1e300])
    func bytesMatchText(_ value: Double) {
        var out = Array("x,".utf8)
        StoreCSV.appendNumber(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x," + StoreCSV.number(value))
    }

    @Test func wholeNumbersAreDigits() {
        var out: [UInt8] = []
        StoreCSV.appendNumber(-40_321, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "-40321")
    }
}
