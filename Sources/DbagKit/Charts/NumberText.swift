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
        let integer = units / divisor
        var fraction = String(units % divisor)
        if places > 0 {
            fraction = String(repeating: "0", count: places - fraction.count) + fraction
        } else {
            fraction = ""
        }
        if trim {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var text = group ? grouped(integer) : String(integer)
        if !fraction.isEmpty { text += "." + fraction }
        return (x < 0 && units != 0 ? "-" : "") + text
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

    /// `1234567` → `1,234,567` (non-negative input).
    static func grouped(_ n: Int64) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// An SVG coordinate with at most one decimal; non-finite values become 0
    /// and huge ones are clamped so a bad value cannot break the drawing.
    /// The same text as `fixed(_, decimals: 1)`, written straight into the string's
    /// bytes (charts write hundreds of thousands of these per build).
    static func coord(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let clamped = min(max(x, -1e9), 1e9)
        let units = Int64((abs(clamped) * 10).rounded())
        var integer = units / 10
        let tenth = units % 10
        // At most "-1000000000.0": 13 bytes, a small string without allocation.
        return String(unsafeUninitializedCapacity: 16) { buffer in
            var digits: (UInt64, UInt64) = (0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { scratch in
                repeat {
                    scratch[count] = UInt8(ascii: "0") + UInt8(integer % 10)
                    integer /= 10
                    count += 1
                } while integer > 0
            }
            var at = 0
            if clamped < 0 && units != 0 {
                buffer[at] = UInt8(ascii: "-")
                at += 1
            }
            withUnsafeBytes(of: &digits) { scratch in
                for i in stride(from: count - 1, through: 0, by: -1) {
                    buffer[at] = scratch[i]
                    at += 1
                }
            }
            if tenth != 0 {
                buffer[at] = UInt8(ascii: ".")
                buffer[at + 1] = UInt8(ascii: "0") + UInt8(tenth)
                at += 2
            }
            return at
        }
    }

    /// `x` rounded to `decimals` places, as a Double (for rollover checks).
    static func rounded(_ x: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 6)) { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}
