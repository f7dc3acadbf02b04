import CCmark

/// The only door to libcmark: renders Markdown to HTML and reports which
/// lines hold literal blocks (code and raw HTML) that directives must skip.
enum CommonMark {
    /// Renders CommonMark to HTML with smart punctuation. Raw HTML is omitted
    /// unless `unsafe`; `rewriteLink` maps every link destination first.
    static func render(_ markdown: String, unsafe: Bool, rewriteLink: (String) -> String) -> String {
        var options = CMARK_OPT_SMART
        if unsafe { options |= CMARK_OPT_UNSAFE }
        guard let document = parse(markdown, options: options) else { return "" }
        defer { cmark_node_free(document) }
        rewriteLinks(in: document, with: rewriteLink)
        guard let html = cmark_render_html(document, options) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }

    /// The 1-based line ranges of fenced and indented code blocks and of HTML blocks.
    static func literalBlockLines(_ markdown: String) -> [ClosedRange<Int>] {
        guard let document = parse(markdown, options: CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(document) }
        var ranges: [ClosedRange<Int>] = []
        forEachNode(in: document) { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { return }
            let start = Int(cmark_node_get_start_line(node))
            let end = Int(cmark_node_get_end_line(node))
            if start > 0 { ranges.append(start...max(start, end)) }
        }
        return ranges
    }

    /// Every link destination, in document order.
    static func linkDestinations(_ markdown: String) -> [String] {
        guard let document = parse(markdown, options: CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(document) }
        var destinations: [String] = []
        forEachNode(in: document) { node in
            if cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node) {
                destinations.append(String(cString: url))
            }
        }
        return destinations
    }

    private static func parse(_ markdown: String, options: Int32) -> OpaquePointer? {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    private static func rewriteLinks(in document: OpaquePointer, with rewrite: (String) -> String) {
        forEachNode(in: document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node) else { return }
            let old = String(cString: url)
            let new = rewrite(old)
            if new != old { cmark_node_set_url(node, new) }
        }
    }

    /// Calls `body` once for every node of the tree, on entering it.
    private static func forEachNode(in document: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
            event = cmark_iter_next(iterator)
        }
    }
}
