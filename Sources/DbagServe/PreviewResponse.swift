import Foundation

/// An HTTP answer of the preview site, independent of the server library.
public struct PreviewResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers; `Cache-Control: no-store` is always among them.
    public var headers: [String: String]
    /// The bytes of the answer.
    public var body: Data

    /// An answer; adds `Cache-Control: no-store` unless `headers` sets it.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers.merging(["Cache-Control": "no-store"]) { old, _ in old }
        self.body = body
    }

    /// An HTML page.
    public static func html(_ text: String, status: Int) -> PreviewResponse {
        PreviewResponse(status: status, headers: ["Content-Type": ContentTypes.forPath("page.html")], body: Data(text.utf8))
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: Int = 200) -> PreviewResponse {
        PreviewResponse(status: status, headers: ["Content-Type": ContentTypes.forPath("a.txt")], body: Data(text.utf8))
    }

    /// A `302 Found` to an absolute path.
    public static func redirect(to location: String) -> PreviewResponse {
        PreviewResponse(status: 302, headers: ["Location": location, "Content-Type": ContentTypes.forPath("a.txt")],
                        body: Data("Found: \(location)\n".utf8))
    }
}
