import Foundation

/// Locale-free, deterministic number text for labels and SVG coordinates.
///
/// Never uses `String(format:)` or `NumberFormatter`: output is the same on every
/// machine, never in exponent notation for ordinary values, and never traps.
enum NumberText {
    /// Largest magnitude written digit by digit; beyond it values are clamped
    /// (coordinates) or written with Swift's description (labels).
    static let exactLimit = 1e15

    /// `x` rounded to `decimals` places (half away from zero), e.g. `12.30`.
    /// With `trim`, trailing zeros and a trailing point are dropped (`12.3`, `12`).
    /// With `group`, the integer part gets `,` every three digits.
    static func fixed(_ x: Double, decimals: Int, trim: Bool = true, group: Bool = false) -> String {
        guard x.isFinite else { return "–" }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < exactLimit else { return scientific(x) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var integer = units / divisor
        var fraction = units % divisor
        var fractionDigits = places
        if trim {
            while fractionDigits > 0 && fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        // Written right to left into 32 bytes: at most a sign, 15 digits, 4 commas,
        // a point and 6 decimals.
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { buffer -> String in
            var at = buffer.count
            if fractionDigits > 0 {
                for _ in 0..<fractionDigits {
                    at -= 1
                    buffer[at] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                at -= 1
                buffer[at] = UInt8(ascii: ".")
            }
            var digits = 0
            repeat {
                if group && digits > 0 && digits % 3 == 0 {
                    at -= 1
                    buffer[at] = UInt8(ascii: ",")
                }
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(integer % 10)
                integer /= 10
                digits += 1
            } while integer > 0
            if x < 0 && units != 0 {
                at -= 1
                buffer[at] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[at...]), as: UTF8.self)
        }
    }

    /// Absurdly large values as `1.2e291` (the exponent written without `+`).
    static func scientific(_ x: Double) -> String {
        let exponent = log10(abs(x)).rounded(.down)
        var mantissa = NumberText.rounded(abs(x) / pow(10, exponent), decimals: 1)
        var power = exponent
        if mantissa >= 10 {
            mantissa /= 10
            power += 1
        }
        guard mantissa.isFinite, power.isFinite, abs(power) < 1000 else { return "–" }
        return (x < 0 ? "-" : "") + fixed(mantissa, decimals: 1) + "e" + String(Int(power))
    }

    /// An SVG coordinate with at most one decimal; non-finite values become 0
    /// and huge ones are clamped so a bad value cannot break the drawing.
    /// The same text as `fixed(_, decimals: 1)`, written straight into the string's
    /// bytes (charts write hundreds of thousands of these per build).
    static func coord(_ x: Double) -> String {
        // At most "-1000000000.0": 13 bytes, a small string without allocation.
        String(unsafeUninitializedCapacity: 16) { coord(x, to: $0) }
    }

    /// `coord(x)` written at the start of `buffer` (16 bytes or more); returns its length.
    static func coord(_ x: Double, to buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard x.isFinite else {
            buffer[0] = UInt8(ascii: "0")
            return 1
        }
        let clamped = min(max(x, -1e9), 1e9)
        // Rounded half away from zero, as `.rounded()`, without a call into libm:
        // the fraction `scaled - whole` is exact below 2^52.
        let scaled = abs(clamped) * 10
        var units = Int64(scaled)
        if scaled - Double(units) >= 0.5 { units += 1 }
        var integer = units / 10
        let tenth = units % 10
        var at = 0
        if clamped < 0 && units != 0 {
            buffer[at] = UInt8(ascii: "-")
            at += 1
        }
        var digits = 1
        var rest = integer / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for i in stride(from: at + digits - 1, through: at, by: -1) {
            buffer[i] = UInt8(ascii: "0") + UInt8(integer % 10)
            integer /= 10
        }
        at += digits
        if tenth != 0 {
            buffer[at] = UInt8(ascii: ".")
            buffer[at + 1] = UInt8(ascii: "0") + UInt8(tenth)
            at += 2
        }
        return at
    }

    /// `x` rounded to `decimals` places, as a Double (for rollover checks).
    static func rounded(_ x: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 6)) { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}
