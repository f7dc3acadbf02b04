import Foundation

extension CSVImporter {
    /// Powers of ten that a double holds exactly.
    private static let exactPowers: [Double] = (0...22).map { (0..<$0).reduce(1.0) { p, _ in p * 10 } }

    /// Parses a finite decimal number (`12`, `-0.25`, `1e-7`); nil otherwise (`nan`, `inf`, `1e400`).
    /// Plain decimals of up to 15 digits are read directly (digits and power of ten are exact, so one
    /// division rounds correctly, as `strtod` does); anything else goes to `strtod`.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty else { return nil }
        var i = 0
        let negative = b[0] == 45
        if negative || b[0] == 43 { i = 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = -1
        while i < b.count {
            let c = b[i]
            if c &- 48 < 10 {
                mantissa = mantissa &* 10 &+ Int64(c &- 48)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if c == 46, fraction < 0 {
                fraction = 0
            } else {
                return parsed(b)
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else { return parsed(b) }
        let value = Double(mantissa) / exactPowers[max(fraction, 0)]
        return negative ? -value : value
    }

    /// `strtod` over the whole field: nil unless it reads every byte to a finite number.
    private static func parsed(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        for c in b where !((c >= 48 && c <= 57) || c == 46 || c == 45 || c == 43 || c == 101 || c == 69) { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for (i, c) in b.enumerated() { base[i] = CChar(bitPattern: c) }
            base[b.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end == base + b.count, value.isFinite else { return nil }
            return value
        }
    }
}
