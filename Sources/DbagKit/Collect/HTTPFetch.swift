import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET for an http collector: at most `limit` bytes of body, everything (redirects
/// included, at most five) within one timeout. `http://` goes over a plain socket
/// (`PlainHTTP`, redirects followed on one thread), `https://` through URLSession
/// (`HTTPBodyReader`).
enum HTTPFetch {
    /// Where a chain of plain-HTTP redirects ended: an answer, or an `https://` URL to ask.
    enum Hop {
        case answer(PlainHTTP.Response)
        case secure(URL, headers: [(String, String)])
    }

    /// The body and status code of the answer to `url`.
    static func get(_ url: URL, headers: [(String, String)], timeout: Double, limit: Int) async throws -> (Data, Int) {
        let deadline = Deadline(seconds: timeout)
        let address = url.absoluteString
        var current = url, sent = [("User-Agent", "dbag"), ("Accept", "application/json")] + headers
        if current.scheme?.lowercased() != "https" {
            let start = current, lines = sent
            let hop: Hop
            do {
                hop = try await Blocking.run { try follow(start, headers: lines, deadline: deadline, limit: limit) }
            } catch is PlainHTTP.Timeout {
                throw CollectError("GET \(address) timed out after \(DurationText.format(timeout))")
            }
            switch hop {
            case .answer(let response): return (response.body, response.status)
            case .secure(let next, let headers): (current, sent) = (next, headers)
            }
        }
        var request = URLRequest(url: current, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        for (name, value) in sent { request.setValue(value, forHTTPHeaderField: name) }
        return try await HTTPBodyReader.fetch(request, timeout: deadline.seconds(), limit: limit)
    }

    /// GETs `url` over plain HTTP, following up to five redirects until an answer or an `https://` URL.
    /// Failures name `url`; `PlainHTTP.Timeout` is left for the caller to word.
    static func follow(_ url: URL, headers: [(String, String)], deadline: Deadline, limit: Int) throws -> Hop {
        var current = url, sent = headers
        for _ in 0...5 {
            let overLimit = CollectError("the response of \(current.absoluteString) is over \(ProcessRunner.outputLimitText): an http collector reads one number")
            let response: PlainHTTP.Response
            do {
                response = try PlainHTTP.get(current, headers: sent, deadline: deadline, limit: limit, overLimit: overLimit)
            } catch let error as CollectError where error != overLimit {
                throw CollectError("GET \(url.absoluteString) failed: \(error.message)")
            }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"],
                  let next = URL(string: location, relativeTo: current)?.absoluteURL,
                  ["http", "https"].contains(next.scheme?.lowercased() ?? "") else {
                return .answer(response)
            }
            // A token for one host is not sent to another.
            if next.host != current.host { sent = Array(sent.prefix(2)) }
            if next.scheme?.lowercased() == "https" { return .secure(next, headers: sent) }
            current = next
        }
        throw CollectError("GET \(url.absoluteString) was redirected more than 5 times")
    }
}

extension Deadline {
    /// Seconds left, at least a millisecond.
    func seconds() -> Double {
        Double(milliseconds() ?? 1) / 1000
    }
}
