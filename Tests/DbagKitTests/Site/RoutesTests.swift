import Testing
@testable import DbagKit

@Suite struct RoutesTests {
    @Test(arguments: [
        ("index.md", ""), ("details.md", "details/"), ("team/index.md", "team/"), ("team/build.md", "team/build/"),
    ])
    func prettyURLs(_ path: String, _ url: String) {
        #expect(Routes.urlPath(forDashboard: path) == url)
        #expect(Routes.outputPath(forURLPath: url) == url + "index.html")
    }

    @Test(arguments: [
        ("customers/acme/", "customers/", "acme/index.html"),
        ("details/", "team/build/", "../../details/index.html"),
        ("", "team/build/", "../../index.html"),
        ("", "", "index.html"),
        ("metrics/signups/", "metrics/signups/", "index.html"),
        ("data/all.csv", "team/", "../data/all.csv"),
        ("caf\u{E9}/", "cafe\u{301}/", "../caf\u{E9}/index.html"),
    ])
    func relativeLinks(_ target: String, _ page: String, _ link: String) {
        #expect(Routes.relative(target, fromPage: page) == link)
    }

    @Test(arguments: [
        ("details.md", "index.md", "details/index.html"),
        ("details.md#growth", "index.md", "details/index.html#growth"),
        ("../index.md", "team/build.md", "../../index.html"),
        ("other.md", "team/build.md", "../other/index.html"),
        ("index.md", "team/build.md", "../index.html"),
        ("./team/index.md", "details.md", "../team/index.html"),
        ("https://example.com/a.md", "index.md", "https://example.com/a.md"),
        ("#top", "index.md", "#top"),
        ("image.png", "index.md", "image.png"),
        ("../../x.md", "index.md", "../../x.md"),
    ])
    func markdownLinksBecomePageLinks(_ link: String, _ page: String, _ expected: String) {
        #expect(Routes.rewriteLink(link, fromDashboard: page, pageURLPath: Routes.urlPath(forDashboard: page)) == expected)
    }
}

@Suite struct NavigationTests {
    @Test func homeFirstThenOrderThenTitleAndFoldersGrouped() {
        let nav = Navigation(items: [
            NavItem(title: "Zeta", urlPath: "zeta/", order: 1),
            NavItem(title: "Alpha", urlPath: "alpha/", order: 2),
            NavItem(title: "Home", urlPath: "", order: 9),
            NavItem(title: "Build", urlPath: "team/build/", order: 0),
            NavItem(title: "Team", urlPath: "team/", order: 3),
        ])
        #expect(nav.groups.count == 2)
        #expect(nav.groups[0].heading == nil)
        #expect(nav.groups[0].items.map(\.title) == ["Home", "Zeta", "Alpha"])
        #expect(nav.groups[1].heading == "Team")
        #expect(nav.groups[1].items.map(\.urlPath) == ["team/", "team/build/"])
    }
}

@Suite struct ObjectSegmentsTests {
    @Test(arguments: [
        ("Acme Corp", "acme-corp"), ("../../etc/passwd", "etc-passwd"), ("a/b", "a-b"), ("", "object"),
        ("Zürich", "zurich"), ("日本", "object"), ("UPPER_case 42", "upper-case-42"), ("..", "object"),
    ])
    func keysFoldToSafeSlugs(_ key: String, _ slug: String) {
        #expect(ObjectSegments.slug(key) == slug)
    }

    @Test func collisionsGetStableSuffixes() {
        let segments = ObjectSegments(keys: ["Acme", "acme", "ACME", "beta"])
        #expect(segments["ACME"] == "acme")
        #expect(segments["Acme"] == "acme-2")
        #expect(segments["acme"] == "acme-3")
        #expect(segments["beta"] == "beta")
        #expect(Set(segments.segments.values).count == 4)
    }
}
