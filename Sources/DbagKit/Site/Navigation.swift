/// One link of the sidebar.
public struct NavItem: Sendable, Hashable {
    public var title: String
    /// Path relative to the site's root (`""` for the home page).
    public var urlPath: String
    public var order: Double

    public init(title: String, urlPath: String, order: Double) {
        self.title = title
        self.urlPath = urlPath
        self.order = order
    }
}

/// The sidebar: top-level pages first, then one group per folder.
public struct Navigation: Sendable {
    public struct Group: Sendable {
        /// nil for the top level.
        public var heading: String?
        public var items: [NavItem]
    }

    public var groups: [Group]

    /// Groups items by their first URL path segment; home page first, then `order`, then title.
    public init(items: [NavItem]) {
        var top: [NavItem] = []
        var folders: [String: [NavItem]] = [:]
        for item in items {
            let segments = item.urlPath.split(separator: "/")
            if segments.count <= 1 { top.append(item) } else { folders[String(segments[0]), default: []].append(item) }
        }
        // A folder whose index page sits at top level (`team/`) heads its group.
        var groups = [Group(heading: nil, items: Navigation.sorted(top.filter { folders[String($0.urlPath.split(separator: "/").first ?? "")] == nil }))]
        for folder in folders.keys.sorted() {
            var members = folders[folder] ?? []
            var heading = Metric.title(fromSlug: folder)
            if let index = top.first(where: { $0.urlPath == folder + "/" }) {
                heading = index.title
                members.append(NavItem(title: "Overview", urlPath: index.urlPath, order: -.infinity))
            }
            groups.append(Group(heading: heading, items: Navigation.sorted(members)))
        }
        self.groups = groups.filter { !$0.items.isEmpty }
    }

    static func sorted(_ items: [NavItem]) -> [NavItem] {
        items.sorted { a, b in
            if (a.urlPath == "") != (b.urlPath == "") { return a.urlPath == "" }
            if a.order != b.order { return a.order < b.order }
            if a.title != b.title { return a.title < b.title }
            return a.urlPath < b.urlPath
        }
    }

    /// The Mustache context: `[{heading, pages: [{title, url}]}]`, each url
    /// relative to a page whose way back to the site's root is `root`.
    public func context(root: String) -> [[String: Any]] {
        groups.map { group in
            var entry: [String: Any] = [
                "pages": group.items.map { item -> [String: Any] in
                    ["title": item.title, "url": Routes.link(to: item.urlPath, root: root)]
                },
            ]
            if let heading = group.heading { entry["heading"] = heading }
            return entry
        }
    }
}
