/// The rule for keys and labels the store accepts: valid UTF-8 without a NUL byte,
/// which C strings (and many SQLite clients) would silently cut short.
public enum StoredText {
    /// Why `text` cannot be stored as a `what` (key or label), or nil when it can.
    public static func problem(_ text: String, what: String) -> String? {
        text.utf8.contains(0) ? "the \(what) '\(shown(text))' holds a NUL byte" : nil
    }

    /// As `problem(_:what:)`, for raw bytes (e.g. a CSV field), which must also be UTF-8.
    static func problem(bytes: UnsafeBufferPointer<UInt8>, what: String) -> String? {
        // Plain ASCII without NUL, the usual case, needs no String.
        if bytes.allSatisfy({ $0 &- 1 < 0x7F }) { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return "the \(what) is not valid UTF-8" }
        return problem(text, what: what)
    }

    /// `text` with NUL shown as `\0`, for messages.
    static func shown(_ text: String) -> String {
        text.replacingOccurrences(of: "\0", with: "\\0")
    }
}
