/// Stage 4 for links: a relative link to a `.md` file that is not a dashboard
/// would build a dead link, so it is an error at the link, with the nearest
/// dashboard suggested.
struct DashboardLinks {
    /// Dashboards that become pages, by path under dashboards/ (generated
    /// template indexes count as `folder/index.md`).
    let known: Set<String>

    init(sources: [DashboardSource], drafts: Set<String>) {
        var known = Set<String>()
        for source in sources where !drafts.contains(source.path) {
            if source.templateParameter != nil {
                known.insert(source.folder + "index.md")
            } else {
                known.insert(source.path)
            }
        }
        self.known = known
    }

    /// An error for each `.md` link of `page` (read from `source`) that names no dashboard.
    func errors(in page: MarkdownPage, source: DashboardSource) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        for destination in page.linkDestinations {
            guard let target = Routes.dashboardTarget(destination, fromDashboard: source.path), !known.contains(target.path) else { continue }
            var message = "link to '\(destination)': there is no dashboard dashboards/\(target.path)"
            if let nearest = Suggestion.nearest(to: target.path, in: known) {
                message += " (did you mean '\(Self.relative(nearest, from: source.folder))'?)"
            }
            errors.append(Diagnostic(message, at: Self.locate(destination, in: source)))
        }
        return errors
    }

    /// `team/a.md` as written from a page in `folder` (`team/` → `a.md`, `ops/` → `../team/a.md`).
    static func relative(_ path: String, from folder: String) -> String {
        if path.hasPrefix(folder) { return String(path.dropFirst(folder.count)) }
        return String(repeating: "../", count: folder.split(separator: "/").count) + path
    }

    /// Where the link's destination is written in the file (first occurrence).
    static func locate(_ destination: String, in source: DashboardSource) -> SourceLocation {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        for needle in ["](" + destination, "]: " + destination, destination] {
            for (index, line) in lines.enumerated() {
                if let range = line.range(of: needle) {
                    let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + needle.utf8.count - destination.utf8.count + 1
                    return SourceLocation(file: source.displayPath, line: index + 1, column: column)
                }
            }
        }
        return SourceLocation(file: source.displayPath, line: 1, column: 1)
    }
}
