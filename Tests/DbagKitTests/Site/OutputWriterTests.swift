import Foundation
import Testing
@testable import DbagKit

@Suite struct OutputWriterTests {
    @Test func writesFilesAndReplacesThePreviousSiteWhole() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.url.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "x")], to: out)
        try OutputWriter.write([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b/c.txt", text: "c")], to: out)
        #expect(try tmp.read("site/index.html") == "two")
        #expect(try tmp.read("site/a/b/c.txt") == "c")
        #expect(!tmp.exists("site/old"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func keepsHiddenFilesOfThePreviousOutput() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("site/.gitkeep", "")
        try tmp.write("site/.git/HEAD", "ref")
        try OutputWriter.write([OutputFile(path: "index.html", text: "new")], to: tmp.url.appendingPathComponent("site"))
        #expect(tmp.exists("site/.gitkeep"))
        #expect(try tmp.read("site/.git/HEAD") == "ref")
    }

    @Test func aFailedWriteLeavesThePreviousSiteAsItWas() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let out = tmp.url.appendingPathComponent("site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "good")], to: out)
        #expect(throws: Diagnostic.self) {
            try OutputWriter.write([OutputFile(path: "index.html", text: "bad"), OutputFile(path: "../escape.html", text: "x")], to: out)
        }
        #expect(try tmp.read("site/index.html") == "good")
        #expect(!tmp.exists("escape.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func keepsFilesOfAFolderThatIsNotASiteAndRefusesTheProject() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write("docs/notes.txt", "precious")
        try tmp.write("docs/empty/.keep", "")
        try FileManager.default.removeItem(atPath: tmp.path + "/docs/empty/.keep")
        try OutputWriter.write([OutputFile(path: "index.html", text: "x")], to: tmp.url.appendingPathComponent("docs"))
        #expect(try tmp.read("docs/notes.txt") == "precious")
        #expect(tmp.exists("docs/empty"))
        #expect(try tmp.read("docs/.dbag-manifest").hasSuffix("\nindex.html\n"))
        #expect(throws: Diagnostic.self) {
            try OutputWriter.write([], to: tmp.url, project: tmp.url.appendingPathComponent("sub"))
        }
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/../../x", "", "a//b", "./a", "a\\b"])
    func unsafePathsAreRejected(_ path: String) {
        #expect(!OutputFile.isSafe(path))
    }
}

@Suite struct OutputWriterLeftoverTests {
    @Test func stagingFoldersOfKilledBuildsAreRemoved() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try OutputWriter.write([OutputFile(path: "index.html", text: "old")], to: tmp.url.appendingPathComponent("site"))
        try tmp.write(".site.new-999999/index.html", "half-written")
        try tmp.write(".site.old-999998/index.html", "old")
        try tmp.write(".other/keep", "x")
        try OutputWriter.write([OutputFile(path: "index.html", text: "new")], to: tmp.url.appendingPathComponent("site"))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix(".") }
        #expect(hidden == [".other"])
    }

    @Test func aSiteLeftAsideByAKilledTwoStepSwapIsPutBack() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        try tmp.write(".site.old-999998/CNAME", "mine")
        try tmp.write(".site.old-999998/.dbag-manifest", "index.html\n")
        try tmp.write(".site.old-999998/index.html", "old")
        try OutputWriter.write([OutputFile(path: "index.html", text: "new")], to: tmp.url.appendingPathComponent("site"))
        #expect(try tmp.read("site/CNAME") == "mine")
        #expect(try tmp.read("site/index.html") == "new")
    }
}
