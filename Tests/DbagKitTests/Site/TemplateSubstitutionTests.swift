import Foundation
import Testing
@testable import DbagKit

/// `{customer}` and `{customer.label}` on template pages: written for where
/// they stand, so a key can neither run script nor break a link.
@Suite struct TemplateSubstitutionTests {
    /// Builds a template page for one customer whose key and label are given.
    func page(_ template: String, key: String, label: String, unsafeHTML: Bool = false) throws -> String {
        let project = try TestProject("""
        -- dbag.yml --
        unsafe_html: \(unsafeHTML)
        metrics:
          seats:
            per: customer
        -- dashboards/customers/[customer].md --
        \(template)
        """)
        defer { project.remove() }
        try project.store([StoredValue(metric: "seats", key: key, day: try #require(Day("2025-11-24")), value: 3)],
                          labels: [(metric: "seats", key: key, label: label)])
        let site = try project.build()
        let path = try #require(site.keys.first { $0.hasPrefix("customers/") && $0 != "customers/index.html" })
        return try #require(site[path])
    }

    @Test func aJavascriptKeyInAnHrefIsNotALiveLink() throws {
        let html = try page("""
        <a id="plain" href="{customer}">open</a>
        <a id="spaced" href="  {customer}">open</a>
        <a id="scripted" href="javascript:show('{customer}')">show</a>
        <a id="joined" href="{customer}&#58;alert(2)">joined</a>
        <img id="data" src="data:text/html,{customer.label}">
        """, key: "javascript:alert(1)", label: "<b>x</b>", unsafeHTML: true)
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.lowercased().contains("src=\"data:"))
        #expect(html.contains("id=\"plain\" href=\"javascript%3Aalert%281%29\""))
        #expect(html.contains("id=\"spaced\" href=\"  javascript%3Aalert%281%29\""))
        #expect(html.contains("id=\"scripted\" href=\"\(TemplateHTML.refusedURL)\""))
        #expect(html.contains("id=\"joined\" href=\"javascript%3Aalert%281%29&#58;alert(2)\""), "a relative URL: % is no scheme character")
        #expect(html.contains("id=\"data\" src=\"\(TemplateHTML.refusedURL)\""))

        let joined = try page("<a id=\"joined\" href=\"{customer}&#x3A;alert(2)\">joined</a>", key: "JavaScript", label: "x", unsafeHTML: true)
        #expect(joined.contains("id=\"joined\" href=\"\(TemplateHTML.refusedURL)\""))
    }

    @Test func keysInAttributesAreEscapedForTheirPlace() throws {
        let html = try page("""
        <a id="t" title="{customer.label}" href="/c/{customer}/">x</a>
        <div id="u" data-k={customer}></div>
        <button id="h" onclick="pick('{customer}')">pick</button>
        <script>var key = {customer};</script>
        <p>{customer.label}</p>
        """, key: "x\" onmouseover=\"alert(1)", label: "\"><script>alert(1)</script>", unsafeHTML: true)
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("onmouseover=\"alert(1)"))
        #expect(html.contains("id=\"t\" title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(html.contains("href=\"/c/x%22%20onmouseover%3D%22alert%281%29/\""))
        #expect(html.contains("id=\"u\" data-k=x%22%20onmouseover%3D%22alert%281%29>"))
        #expect(html.contains("onclick=\"pick('x%22%20onmouseover%3D%22alert%281%29')\""))
        #expect(html.contains("var key = x%22%20onmouseover%3D%22alert%281%29;"))
        #expect(html.contains("<p>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    }

    @Test func keysInMarkdownLinkTargetsAreURLEncoded() throws {
        let html = try page("""
        [{customer.label} in the CRM](https://crm.example.com/c/{customer}?name={customer.label} "{customer.label}")

        ![{customer}](/logos/{customer}.png) <https://crm.example.com/{customer}>
        """, key: "acme corp/1", label: "Acme & Co")
        #expect(html.contains("<a href=\"https://crm.example.com/c/acme%20corp%2F1?name=Acme%20%26%20Co\" title=\"Acme &amp; Co\">Acme &amp; Co in the CRM</a>"))
        #expect(html.contains("<img src=\"/logos/acme%20corp%2F1.png\" alt=\"acme corp/1\""))
        #expect(html.contains("<a href=\"https://crm.example.com/acme%20corp%2F1\">https://crm.example.com/acme corp/1</a>"))
        #expect(!html.contains("%7Bcustomer"))
    }

    @Test func textAndTheHomePageAreAsBefore() throws {
        let html = try page("Key: {customer}, label: {customer.label}. Not a token: {customers} {other}.",
                            key: "a<b", label: "Tom & Jerry")
        #expect(html.contains("Key: a&lt;b, label: Tom &amp; Jerry. Not a token: {customers} {other}."))
    }
}
