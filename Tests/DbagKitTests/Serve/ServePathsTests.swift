@testable import DbagServe
import Testing

@Suite struct ServePathsTests {
    @Test(arguments: [
        ("/", "index.html"), ("/details/", "details/index.html"), ("/assets/style.css", "assets/style.css"),
        ("/data/x.csv?download=1", "data/x.csv"), ("/a/./b/", "a/b/index.html"),
    ])
    func mapsURLPathsToFiles(_ path: String, _ file: String) {
        #expect(PreviewPaths.file(forURLPath: path) == file)
    }

    @Test(arguments: ["/../x", "/%2e%2e/x", "/..%2fx", "/a/../../x", "/%2E%2E/x", "/.git/config", "/a%00b", "/a\\b", "/%5c..%5cx"])
    func refusesTraversal(_ path: String) {
        #expect(PreviewPaths.file(forURLPath: path) == nil)
        #expect(PreviewPaths.route(rawPath: path, basePath: "/") == .badRequest)
    }

    @Test(arguments: ["http://evil/x", "etc/passwd", "//etc/passwd", "*"])
    func refusesAbsoluteAndRelativeTargets(_ target: String) {
        #expect(PreviewPaths.route(rawPath: target, basePath: "/") == .badRequest)
    }

    @Test func servesUnderABasePath() {
        #expect(PreviewPaths.route(rawPath: "/", basePath: "/metrics/") == .redirect("/metrics/"))
        #expect(PreviewPaths.route(rawPath: "/metrics", basePath: "/metrics/") == .redirect("/metrics/"))
        #expect(PreviewPaths.route(rawPath: "/metrics/", basePath: "/metrics/") == .file("index.html"))
        #expect(PreviewPaths.route(rawPath: "/metrics/a/", basePath: "/metrics/") == .file("a/index.html"))
        #expect(PreviewPaths.route(rawPath: "/other/", basePath: "/metrics/") == .notFound)
        #expect(PreviewPaths.route(rawPath: "/metrics/../x", basePath: "/metrics/") == .badRequest)
    }

    @Test func basePathOfBaseURLs() {
        #expect(PreviewPaths.basePath(ofBaseURL: "/") == "/")
        #expect(PreviewPaths.basePath(ofBaseURL: "/metrics/") == "/metrics/")
        #expect(PreviewPaths.basePath(ofBaseURL: "https://example.org/m/") == "/m/")
        #expect(PreviewPaths.basePath(ofBaseURL: "https://example.org") == "/")
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
        ("badges/x.svg", "image/svg+xml"), ("data/x.json", "application/json; charset=utf-8"),
        ("data/x.csv", "text/csv; charset=utf-8"), ("a/logo.PNG", "image/png"),
        ("assets/app.js", "text/javascript; charset=utf-8"), ("LICENSE", "application/octet-stream"),
    ])
    func contentTypes(_ path: String, _ type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }
}
