import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET whose body is read as it arrives and given up past `limit` bytes (a
/// `Content-Length` over the limit is refused before any byte is read) or after
/// `timeout` seconds in total, so an endless or huge body costs at most `limit` of memory.
final class HTTPBodyReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private let address: String
    private var body = Data()
    private var status = 0
    private var continuation: CheckedContinuation<(Data, Int), any Error>?
    private var session: URLSession?

    private init(limit: Int, address: String) {
        self.limit = limit
        self.address = address
    }

    /// The body and status code of `request`.
    static func fetch(_ request: URLRequest, timeout: Double, limit: Int) async throws -> (Data, Int) {
        let address = request.url?.absoluteString ?? ""
        let reader = HTTPBodyReader(limit: limit, address: address)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
        return try await withCheckedThrowingContinuation { continuation in
            reader.lock.withLock {
                reader.continuation = continuation
                reader.session = session
            }
            Blocking.after(timeout, DispatchWorkItem {
                reader.finish(.failure(CollectError("GET \(address) timed out after \(DurationText.format(timeout))")))
            })
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        if response.expectedContentLength > Int64(limit) {
            finish(.failure(overLimit()))
            dataTask.cancel()
            completionHandler(.cancel)
            return
        }
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode ?? 0 }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            guard continuation != nil else { return false }
            guard body.count + data.count <= limit else { return true }
            body.append(data)
            return false
        }
        if over {
            dataTask.cancel()
            finish(.failure(overLimit()))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            finish(.failure(CollectError("GET \(address) failed: \(error.localizedDescription)")))
        } else {
            let result = lock.withLock { (body, status) }
            finish(.success(result))
        }
    }

    private func overLimit() -> CollectError {
        CollectError("the response of \(address) is over \(ProcessRunner.outputLimitText): an http collector reads one number")
    }

    /// Resumes the caller once, whichever comes first, and ends the session (which also breaks
    /// its hold on this delegate).
    private func finish(_ result: Result<(Data, Int), any Error>) {
        let (pending, session): (CheckedContinuation<(Data, Int), any Error>?, URLSession?) = lock.withLock {
            defer { continuation = nil; self.session = nil; body = Data() }
            return (continuation, self.session)
        }
        guard let pending else { return }
        pending.resume(with: result)
        session?.invalidateAndCancel()
    }
}
