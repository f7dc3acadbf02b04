import Foundation
import Mustache

/// Builds the site, in stages that read top to bottom:
/// 1. load the theme, 2. load the data (store and build-time series),
/// 3. parse the dashboards, 4. validate every directive, 5. plan the pages
/// (templates expand to one page per object), 6. render pages in parallel,
/// 7. apply the theme, 8. add the data API, badges and assets.
/// It returns files; `OutputWriter` is the one place that touches the disk.
public struct SiteBuilder: Sendable {
    public var config: Config
    /// The moment staleness is judged against.
    public var now: Date
    /// HTML added before `</body>` of every page (the live-reload script of `dbag serve`).
    public var bodySuffix: String
    /// Receives warnings (located, never fatal), e.g. a `key=` the store has no values for.
    public var warn: @Sendable (Diagnostic) -> Void = { _ in }

    public init(config: Config, now: Date = Date(), bodySuffix: String = "") {
        self.config = config
        self.now = now
        self.bodySuffix = bodySuffix
    }

    /// Every file of the site in memory, sorted by path; every error of the run at once.
    public func build() throws(DiagnosticList) -> [OutputFile] {
        let prepared = try prepare()
        let sink = MemorySink()
        do {
            try emit(prepared, to: sink)
        } catch {
            throw DiagnosticList(error)
        }
        return sink.outputFiles
    }

    /// Builds and writes the site to `directory`, streaming pages to disk as they
    /// are rendered so memory stays flat however many pages there are; swapped
    /// in whole at the end. Returns the number of pages and files written.
    public func write(to directory: URL) throws -> (pages: Int, files: Int) {
        let misplaced = config.dataInside(output: directory)
        if !misplaced.isEmpty { throw DiagnosticList(misplaced) }
        let prepared = try prepare()
        let writer = try OutputWriter(directory: directory, project: config.directory)
        do {
            try emit(prepared, to: writer)
            try writer.commit()
            return (prepared.plans.count, writer.fileCount)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Stages 6–8 into a sink: pages as they render, the data API, badges and assets.
    /// The data API streams the store's values on a thread of its own while the
    /// pages render (it needs no page); a page's failure is reported before its.
    func emit(_ prepared: Prepared, to sink: any SiteSink) throws {
        let failures = ResultSlots<any Error>(count: 2)
        let dataAPI = DispatchGroup()
        let (config, data) = (config, prepared.data)
        DispatchQueue.global().async(group: dataAPI) {
            do { try DataAPI.write(config: config, data: data, to: sink) } catch { failures.set(1, error) }
        }
        render(prepared) { file in
            do { try sink.write(file) } catch { failures.set(0, error) }
        }
        dataAPI.wait()
        if let failure = failures.values.first { throw failure }
        for file in BadgeFiles.files(config: config, data: prepared.data) { try sink.write(file) }
        for (path, contents) in prepared.theme.assets { try sink.write(OutputFile(path: path, contents: contents)) }
        try sink.write(OutputFile(path: "assets/charts.css", text: ChartCSS.stylesheet + "\n"))
    }

    /// Stages 1–5 without writing anything: the errors `dbag check` reports.
    public func check() throws(DiagnosticList) -> SiteData {
        let misplaced = config.dataInside(output: config.defaultOutput)
        if !misplaced.isEmpty { throw DiagnosticList(misplaced) }
        return try prepare().data
    }

    struct Prepared {
        var theme: Theme
        var library: MustacheLibrary
        var data: SiteData
        var plans: [PagePlan]
        var navigation: Navigation
        var objectURLs: [String: [String: String]]
    }

    func prepare() throws(DiagnosticList) -> Prepared {
        var diagnostics: [Diagnostic] = []
        // 1. Theme.
        var theme: Theme?
        var library: MustacheLibrary?
        do {
            let loaded = try Theme.load(named: config.theme, project: config.directory)
            library = try loaded.library()
            theme = loaded
        } catch { diagnostics.append(error) }
        // 2. Data.
        var data = SiteData()
        do {
            data = try SiteData.load(config)
            try data.addSeries(SeriesLoader.load(config: config))
            data.events = ChartEvent.sorted(config.events + data.events)
        } catch let error as DiagnosticList {
            diagnostics += error.diagnostics
        } catch let error as Diagnostic {
            diagnostics.append(error)
        } catch {
            diagnostics.append(Diagnostic("cannot read the store: \(Diagnostic(error).message)", file: config.storeName))
        }
        // 3–4. Dashboards, parsed and validated.
        var sources: [DashboardSource] = []
        do { sources = try DashboardSource.load(from: config.dashboardsDirectory, project: config.directory) } catch { diagnostics.append(error) }
        let slugs = Set(config.metrics.map(\.slug))
        var parsed: [(DashboardSource, MarkdownPage, String?)] = []
        for source in sources {
            var (text, heading) = PageText.extractHeading(source.text)
            var (page, errors) = MarkdownPage.parse(text, file: source.displayPath, unsafeHTML: config.unsafeHTML)
            if let title = page.frontMatter.title, heading != nil, heading != title {
                // Front matter names the page: keep its own `# Heading` in the content.
                (page, errors) = MarkdownPage.parse(source.text, file: source.displayPath, unsafeHTML: config.unsafeHTML)
                heading = nil
            }
            diagnostics += errors + page.validate(metrics: slugs) + keyErrors(page)
            if let parameter = source.templateParameter, !config.metrics.contains(where: { $0.per == parameter }) {
                diagnostics.append(Diagnostic("template [\(parameter)] needs a metric declared `per: \(parameter)` in dbag.yml",
                                              file: source.displayPath, line: 1, column: 1))
            }
            if !page.frontMatter.draft { parsed.append((source, page, heading)) }
        }
        let links = DashboardLinks(sources: sources, drafts: Set(sources.map(\.path)).subtracting(parsed.map(\.0.path)))
        for (source, page, _) in parsed { diagnostics += links.errors(in: page, source: source) }
        guard diagnostics.isEmpty, let theme, let library else {
            throw DiagnosticList(diagnostics.sorted { ($0.file ?? "", $0.line ?? 0, $0.column ?? 0) < ($1.file ?? "", $1.line ?? 0, $1.column ?? 0) })
        }
        for (_, page, _) in parsed { UnknownKeys.warnings(in: page, config: config, data: data).forEach(warn) }
        // 5. Pages.
        var planner = PagePlanner(config: config, data: data)
        for (source, page, heading) in parsed { planner.add(source: source, page: page, heading: heading) }
        let plans = planner.finish()
        let navigation = Navigation(items: planner.navigationItems)
        return Prepared(theme: theme, library: library, data: data, plans: plans, navigation: navigation, objectURLs: planner.objectURLs)
    }

    /// `key=` only makes sense on per-object metrics.
    func keyErrors(_ page: MarkdownPage) -> [Diagnostic] {
        page.directives.compactMap { directive in
            guard let key = directive.attribute(named: "key") else { return nil }
            guard let plain = directive.metricSlugs.first(where: { config.metric($0).map { $0.per == nil } ?? false }) else { return nil }
            return Diagnostic("'key' applies to per-object metrics, and '\(plain)' has no `per:`", at: key.location)
        }
    }

    /// 6–7. Renders every page in parallel and applies the theme, handing each
    /// page to `deliver` (from several threads) as soon as it is done.
    func render(_ prepared: Prepared, deliver: @Sendable (OutputFile) -> Void) {
        var sidebars: [String: String] = [:]
        for root in Set(prepared.plans.map { Routes.root(ofPage: $0.urlPath) }) {
            let navigation = ["site": config.themeContext(root: root), "nav": prepared.navigation.context(root: root)] as [String: Any]
            sidebars[root] = prepared.library.render(navigation, withTemplate: "sidebar") ?? ""
        }
        let renderer = PageRenderer(config: config, library: prepared.library, sidebars: sidebars,
                                    data: prepared.data, now: now, objectURLs: prepared.objectURLs, bodySuffix: bodySuffix)
        let plans = prepared.plans
        // Generated pages (object indexes, metric pages) can list every object: started
        // first, none of them is left rendering alone on one core at the end.
        let order = plans.indices.filter { !plans[$0].isDashboard } + plans.indices.filter { plans[$0].isDashboard }
        DispatchQueue.concurrentPerform(iterations: order.count) { index in
            let plan = plans[order[index]]
            deliver(OutputFile(path: Routes.outputPath(forURLPath: plan.urlPath), text: renderer.render(plan)))
        }
    }
}
