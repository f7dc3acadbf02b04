import FlyingFox
import Foundation

/// The one FlyingFox handler: the live-reload long-poll, then files of the site.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.make(PreviewResponse.text("method not allowed\n", status: 405))
        }
        // The raw target: FlyingFox's `path` is already normalised (`/../x` → `/x`),
        // and traversal must be judged on what the client sent.
        let raw = request.target.path()
        if raw == LiveReload.endpoint {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? -1
            let generation = await site.waitForGeneration(differentFrom: since)
            return Self.make(.text("\(generation)\n"))
        }
        return Self.make(await site.response(forRawPath: raw))
    }

    static func make(_ response: PreviewResponse) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: phrase(response.status)),
                            headers: headers, body: response.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
