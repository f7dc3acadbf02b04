import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Yams

/// `collect: { http: "https://…", json: a.b.0.c, timeout: 10s, headers: {…} }`:
/// a GET whose JSON body holds the value at a dotted path (numbers or numeric
/// strings). Without `json`, the first number of the body is the value. Header
/// values may name environment variables as `${NAME}`, so tokens stay out of dbag.yml.
public struct HTTPCollector: Collector {
    public static let kind = "http"
    public static let keys = ["http", "json", "timeout", "headers"]

    public var url: URL
    /// The dotted path, e.g. `data.items.0.count`; nil for a plain-text body.
    public var path: JSONPath?
    /// Seconds before the request is abandoned.
    public var timeout: Double
    public var headers: [String: String]

    public init(url: URL, path: JSONPath?, timeout: Double = 10, headers: [String: String] = [:]) {
        self.url = url
        self.path = path
        self.timeout = timeout
        self.headers = headers
    }

    public static func parse(_ values: [String: Node], reader: YAMLReader, node: Node, config: Config) -> HTTPCollector? {
        let timeout = reader.timeout(values, default: 10)
        var headers: [String: String] = [:]
        if let headerNode = values["headers"], let pairs = reader.mapping(headerNode, what: "headers") {
            for pair in pairs { headers[pair.key] = reader.string(pair.value, key: pair.key) }
        }
        let path = values["json"].flatMap { reader.string($0, key: "json") }.map(JSONPath.init)
        guard let urlNode = values["http"], let text = reader.string(urlNode, key: "http") else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            reader.error("'\(text)' is not an http:// or https:// URL", at: urlNode)
            return nil
        }
        return HTTPCollector(url: url, path: path, timeout: timeout, headers: headers)
    }

    public func collect(_ context: CollectContext) async throws -> [CollectedValue] {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("dbag", forHTTPHeaderField: "User-Agent")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let environment = ProcessInfo.processInfo.environment
        for (name, value) in headers {
            request.setValue(Self.expand(value, environment: environment), forHTTPHeaderField: name)
        }
        let (data, status) = try await Self.fetch(request, timeout: timeout)
        guard (200..<300).contains(status) else {
            throw CollectError("\(url.absoluteString) answered HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))")
        }
        guard let path else {
            guard let value = NumberScanner.firstNumber(in: String(decoding: data, as: UTF8.self)) else {
                throw CollectError("no number in the body of \(url.absoluteString)")
            }
            return [CollectedValue(value: value)]
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw CollectError("\(url.absoluteString) did not return JSON")
        }
        return [CollectedValue(value: try path.number(in: json))]
    }

    /// GETs a URL, giving up after `timeout` seconds in total.
    static func fetch(_ request: URLRequest, timeout: Double) async throws -> (Data, Int) {
        let once = Once<(Data, Int)>()
        return try await withCheckedThrowingContinuation { continuation in
            once.continuation = continuation
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    once.finish(.failure(CollectError("GET \(request.url?.absoluteString ?? "") failed: \(error.localizedDescription)")))
                } else {
                    once.finish(.success((data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0)))
                }
            }
            Blocking.after(timeout, DispatchWorkItem {
                once.finish(.failure(CollectError("GET \(request.url?.absoluteString ?? "") timed out after \(DurationText.format(timeout))")))
                task.cancel()
            })
            task.resume()
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }()

    /// Replaces `${NAME}` with the environment variable's value (empty when unset).
    static func expand(_ text: String, environment: [String: String]) -> String {
        var result = "", rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            result += rest[..<start.lowerBound]
            result += environment[String(rest[start.upperBound..<end])] ?? ""
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

/// Resumes a continuation once, whichever of a response or a timeout comes first.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    var continuation: CheckedContinuation<T, any Error>?

    func finish(_ result: Result<T, any Error>) {
        let pending: CheckedContinuation<T, any Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}
