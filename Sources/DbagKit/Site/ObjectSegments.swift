import Foundation

/// Safe, unique URL segments for object keys: lower-case `[a-z0-9-]`, so no key
/// can write outside its folder. Keys that fold to the same segment get `-2`, `-3`…
/// in key order, so the mapping is stable between builds.
public struct ObjectSegments: Sendable {
    /// key → segment.
    public private(set) var segments: [String: String] = [:]

    public init(keys: some Sequence<String>) {
        var taken = Set<String>()
        for key in Set(keys).sorted() {
            let base = ObjectSegments.slug(key)
            var segment = base
            var n = 2
            while taken.contains(segment) {
                segment = "\(base)-\(n)"
                n += 1
            }
            taken.insert(segment)
            segments[key] = segment
        }
    }

    /// The segment of a key.
    public subscript(key: String) -> String? {
        segments[key]
    }

    /// Folds a key to `[a-z0-9-]+`: ASCII letters and digits kept (lower-cased),
    /// accents stripped, every other run of characters one `-`; empty → `object`.
    public static func slug(_ key: String) -> String {
        var out = ""
        var pendingDash = false
        let folded = key.applyingTransformIfAvailable()
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let isDigit = v >= 48 && v <= 57
            let isLower = v >= 97 && v <= 122
            let isUpper = v >= 65 && v <= 90
            if isDigit || isLower || isUpper {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(isUpper ? Unicode.Scalar(v + 32) ?? scalar : scalar)
            } else {
                pendingDash = true
            }
        }
        if out.count > 80 { out = String(out.prefix(80)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "object" : out
    }
}

extension String {
    /// Strips diacritics (`Zürich` → `Zurich`) where Foundation can.
    fileprivate func applyingTransformIfAvailable() -> String {
        folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
