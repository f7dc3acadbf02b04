import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `collect: { http: "https://…", json: a.b.0.c, timeout: 10s, headers: {…} }`:
/// a GET whose JSON body holds the value at a dotted path (numbers or numeric
/// strings). Without `json`, the first number of the body is the value. Header
/// values may name environment variables as `${NAME}`, so tokens stay out of dbag.yml.
public struct HTTPCollector: Collector {
    public var url: URL
    /// The dotted path, e.g. `data.items.0.count`; nil for a plain-text body.
    public var path: JSONPath?
    /// Seconds before the request is abandoned.
    public var timeout: Double
    /// Header values as written, `${NAME}` references expanded when the collector runs.
    public var headers: [String: EnvironmentString]

    public init(url: URL, path: JSONPath?, timeout: Double = 10, headers: [String: EnvironmentString] = [:]) {
        self.url = url
        self.path = path
        self.timeout = timeout
        self.headers = headers
    }

    public func collect(_ context: CollectContext) async throws -> [CollectedValue] {
        var expanded: [(String, String)] = []
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { expanded.append((name, try value.expand())) }
        let (data, status) = try await HTTPFetch.get(url, headers: expanded, timeout: timeout, limit: ProcessRunner.outputLimit)
        guard (200..<300).contains(status) else {
            throw CollectError("\(url.absoluteString) answered HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))")
        }
        guard let path else {
            guard let value = try NumberScanner.firstNumber(in: String(decoding: data, as: UTF8.self)) else {
                throw CollectError("no number in the body of \(url.absoluteString)")
            }
            return [CollectedValue(value: value)]
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey].map { " (\($0))" } ?? ""
            throw CollectError("\(url.absoluteString) did not return JSON\(detail)")
        }
        return [CollectedValue(value: try path.number(in: json))]
    }
}
