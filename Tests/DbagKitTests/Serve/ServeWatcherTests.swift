@testable import DbagServe
import Foundation
import Testing

@Suite struct ServeWatcherTests {
    @Test func noticesDashboardEditsNewFilesAndDeletions() throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        var watcher = ProjectWatcher(projectDirectory: project.folder.url, storePath: project.storePath)
        #expect(!poll(&watcher))
        try project.folder.write("dashboards/index.md", ServeProject.home(text: "Edited."))
        #expect(poll(&watcher))
        #expect(!poll(&watcher))
        try project.folder.write("dashboards/more/page.md", "# More\n")
        #expect(poll(&watcher))
        try FileManager.default.removeItem(at: project.folder.url.appendingPathComponent("dashboards/more/page.md"))
        #expect(poll(&watcher))
    }

    @Test func noticesConfigAndThemeEdits() throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        var watcher = ProjectWatcher(projectDirectory: project.folder.url, storePath: project.storePath)
        try project.folder.write("dbag.yml", "title: Renamed\n")
        #expect(poll(&watcher))
        try project.folder.write("themes/mine/theme.css", "body{}")
        #expect(poll(&watcher))
    }

    @Test func noticesAStoreChange() throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        var watcher = ProjectWatcher(projectDirectory: project.folder.url, storePath: project.storePath)
        #expect(!poll(&watcher))
        try project.save(value: 43)
        #expect(poll(&watcher))
    }

    @Test func ignoresHiddenFiles() throws {
        let project = try ServeProject()
        defer { project.folder.remove() }
        var watcher = ProjectWatcher(projectDirectory: project.folder.url, storePath: project.storePath)
        try project.folder.write("dashboards/.index.md.swp", "swap")
        #expect(!poll(&watcher))
    }

    /// `changed()` outside `#expect`, which cannot call mutating members.
    private func poll(_ watcher: inout ProjectWatcher) -> Bool {
        watcher.changed()
    }
}
