/// Answers one request head: the live-reload long-poll, then files of the site.
/// Only GET and HEAD are served; any other method gets 405 with `Allow`.
struct PreviewHandler: Sendable {
    let site: PreviewSite

    func respond(to head: HTTPRequestHead) async -> PreviewResponse {
        guard head.method == "GET" || head.method == "HEAD" else {
            var refused = PreviewResponse.text("method not allowed\n", status: 405)
            refused.headers["Allow"] = "GET, HEAD"
            return refused
        }
        // The raw path: traversal must be judged on what the client sent.
        let raw = head.path
        if raw == LiveReload.endpoint {
            let since = head.query("since").flatMap { Int($0) } ?? -1
            let generation = await site.waitForGeneration(differentFrom: since)
            return .text("\(generation)\n")
        }
        return await site.response(forRawPath: raw)
    }
}
