import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET for an http collector: at most `limit` bytes of body, everything (redirects
/// included, at most five) within one timeout. `http://` goes over a plain socket
/// (`PlainHTTP`), `https://` through URLSession (`HTTPBodyReader`).
enum HTTPFetch {
    /// The body and status code of the answer to `url`.
    static func get(_ url: URL, headers: [(String, String)], timeout: Double, limit: Int) async throws -> (Data, Int) {
        let deadline = Deadline(seconds: timeout)
        let address = url.absoluteString
        var current = url, sent = [("User-Agent", "dbag"), ("Accept", "application/json")] + headers
        for _ in 0...5 {
            if current.scheme?.lowercased() == "https" {
                var request = URLRequest(url: current, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
                for (name, value) in sent { request.setValue(value, forHTTPHeaderField: name) }
                return try await HTTPBodyReader.fetch(request, timeout: deadline.seconds(), limit: limit)
            }
            let overLimit = CollectError("the response of \(current.absoluteString) is over \(ProcessRunner.outputLimitText): an http collector reads one number")
            let target = current, lines = sent
            let response: PlainHTTP.Response
            do {
                response = try await Blocking.run {
                    try PlainHTTP.get(target, headers: lines, deadline: deadline, limit: limit, overLimit: overLimit)
                }
            } catch is PlainHTTP.Timeout {
                throw CollectError("GET \(address) timed out after \(DurationText.format(timeout))")
            } catch let error as CollectError where error != overLimit {
                throw CollectError("GET \(address) failed: \(error.message)")
            }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"],
                  let next = URL(string: location, relativeTo: current)?.absoluteURL,
                  ["http", "https"].contains(next.scheme?.lowercased() ?? "") else {
                return (response.body, response.status)
            }
            // A token for one host is not sent to another.
            if next.host != current.host { sent = Array(sent.prefix(2)) }
            current = next
        }
        throw CollectError("GET \(address) was redirected more than 5 times")
    }
}

extension Deadline {
    /// Seconds left, at least a millisecond.
    func seconds() -> Double {
        Double(milliseconds() ?? 1) / 1000
    }
}
