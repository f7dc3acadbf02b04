import DbagKit

/// The pages the preview server makes itself: build errors and not-found.
public enum PreviewPages {
    /// A page listing every diagnostic of a failed build, HTML-escaped, with
    /// the reload script so that fixing the file brings the site back.
    public static func errors(_ diagnostics: [Diagnostic], generation: Int) -> String {
        let count = diagnostics.count
        let items = diagnostics.map { "<li><code>\(HTML.escape($0.description))</code></li>" }.joined(separator: "\n")
        return page(
            title: "Build failed",
            body: """
            <h1>Build failed: \(count) error\(count == 1 ? "" : "s")</h1>
            <ul class="errors">
            \(items)
            </ul>
            <p>Fix the file and save: this page reloads by itself.</p>
            """,
            generation: generation
        )
    }

    /// The 404 page, with a link back to the home page.
    public static func notFound(path: String, basePath: String, generation: Int) -> String {
        page(
            title: "Not found",
            body: """
            <h1>Not found</h1>
            <p>Nothing is built at <code>\(HTML.escape(path))</code>.</p>
            <p><a href="\(HTML.escape(basePath))">Back to the home page</a></p>
            """,
            generation: generation
        )
    }

    /// A short page for a refused request (path traversal and the like).
    public static func badRequest() -> String {
        page(title: "Bad request", body: "<h1>Bad request</h1>\n<p>That path is not allowed.</p>", generation: nil)
    }

    static func page(title: String, body: String, generation: Int?) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · dbag serve</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
        h1 { font-size: 1.4rem; }
        .errors { padding: 0; list-style: none; }
        .errors li { background: #fff1f0; border-left: 4px solid #cf222e; margin: .5rem 0; padding: .5rem .75rem; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        \(body)
        \(generation.map(LiveReload.script(generation:)) ?? "")</body>
        </html>

        """
    }
}
