import Foundation
import Testing
@testable import DbagKit

/// End to end: an app database of customers, a per-object `sql` metric
/// collected for real, a `series` metric per customer, and a template page.
@Suite struct CustomerPagesTests {
    @Test func everyCustomerGetsAPageAndTheIndexListsThem() async throws {
        let project = try TestProject("""
        -- dbag.yml --
        sources:
          app: { sqlite: app.db }
        metrics:
          comments:
            per: customer
            collect: { source: app, sql: "SELECT c.key, c.name AS label, count(m.id) AS value FROM customers c LEFT JOIN comments m ON m.customer = c.key GROUP BY c.key" }
          signups:
            per: customer
            series: { source: app, sql: "SELECT day, customer AS key, count(*) AS value FROM signups GROUP BY 1, 2" }
        -- dashboards/index.md --
        ::table{metric=comments sort=label}
        -- dashboards/customers/[customer].md --
        ---
        title: "{customer.label}"
        description: "All about {customer.label}"
        ---
        Key: {customer}.

        ::stat{metric=comments}
        ::chart{metrics="comments,signups" title="{customer.label} activity"}
        """)
        defer { project.remove() }
        let db = try SQLiteDatabase(path: project.url.appendingPathComponent("app.db").path)
        try db.execute("""
            CREATE TABLE customers (key TEXT, name TEXT);
            CREATE TABLE comments (id INTEGER PRIMARY KEY, customer TEXT);
            CREATE TABLE signups (day TEXT, customer TEXT);
            INSERT INTO customers VALUES ('acme', 'Acme Corp'), ('../../etc', 'Sneaky <Ltd>'), ('zürich ag', 'Zürich AG'), ('a/b', 'Slash');
            INSERT INTO comments (customer) VALUES ('acme'), ('acme'), ('acme'), ('../../etc'), ('zürich ag');
            INSERT INTO signups VALUES ('2026-01-04', 'acme'), ('2026-01-05', 'acme'), ('2026-01-05', 'a/b');
            """)
        let config = try project.config()
        let store = try MetricStore(path: config.storePath)
        let report = try await Collection(config: config).run(day: Day("2026-01-05"), into: store)
        #expect(report.failures.isEmpty)

        let site = try project.build()
        let pages = site.keys.filter { $0.hasPrefix("customers/") }.sorted()
        #expect(pages == ["customers/a-b/index.html", "customers/acme/index.html", "customers/etc/index.html",
                          "customers/index.html", "customers/zurich-ag/index.html"])
        #expect(!site.keys.contains { $0.contains("..") })

        let acme = try #require(site["customers/acme/index.html"])
        #expect(acme.contains("<h1>Acme Corp</h1>"))
        #expect(acme.contains("All about Acme Corp"))
        #expect(acme.contains("Key: acme."))
        #expect(acme.contains("<p class=\"stat-value\">3</p>"))
        #expect(acme.contains("Acme Corp activity"))
        #expect(acme.contains("aria-current=\"page\">Customers</a>"))

        let sneaky = try #require(site["customers/etc/index.html"])
        #expect(sneaky.contains("<h1>Sneaky &lt;Ltd&gt;</h1>"))
        #expect(sneaky.contains("Key: ../../etc."))

        let index = try #require(site["customers/index.html"])
        for (segment, label) in [("acme", "Acme Corp"), ("etc", "Sneaky &lt;Ltd&gt;"), ("zurich-ag", "Zürich AG"), ("a-b", "Slash")] {
            #expect(index.contains("<a href=\"\(segment)/index.html\">\(label)</a>"), "index lacks \(label)")
        }
        let home = try #require(site["index.html"])
        let order = ["Acme Corp", "Slash", "Sneaky &lt;Ltd&gt;", "Zürich AG"].compactMap { home.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "sort=label orders rows by label")
        let sidebar = home.components(separatedBy: "href=\"customers/index.html\"").count - 1
        #expect(sidebar == 1, "the template folder appears once in the sidebar")
    }
}

/// The sidebar: a generated objects index takes its template's `order`, and comes
/// after the hand-written pages without one.
@Suite struct GeneratedPageOrderTests {
    func sidebar(template frontMatter: String) throws -> [String] {
        let project = try TestProject("""
        -- dbag.yml --
        metrics:
          comments:
            per: customer
        -- dashboards/index.md --
        ---
        order: 1
        ---
        Home.
        -- dashboards/product.md --
        ---
        title: Product
        order: 2
        ---
        Product.
        -- dashboards/zeta.md --
        Zeta.
        -- dashboards/customers/[customer].md --
        \(frontMatter)
        ::stat{metric=comments}
        """)
        defer { project.remove() }
        try project.store([StoredValue(metric: "comments", key: "acme", day: try #require(Day("2026-01-05")), value: 3)])
        let home = try #require(try project.build()["index.html"])
        let nav = try #require(home.components(separatedBy: "<nav").dropFirst().first?.components(separatedBy: "</nav>").first)
        return nav.components(separatedBy: "<li><a href=\"").dropFirst().compactMap { $0.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first }
    }

    @Test func generatedIndexComesAfterWrittenPages() throws {
        #expect(try sidebar(template: "") == ["Home", "Zeta", "Product", "Customers", "Metrics"])
    }

    @Test func generatedIndexTakesTheTemplatesOrder() throws {
        #expect(try sidebar(template: "---\norder: 1.5\n---") == ["Home", "Zeta", "Customers", "Product", "Metrics"])
    }
}
