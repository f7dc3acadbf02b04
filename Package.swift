// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "dbag",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dbag", targets: ["dbag"]),
        .library(name: "DbagKit", targets: ["DbagKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        .systemLibrary(name: "CFolderSwap"),
        .target(
            name: "DbagKit",
            dependencies: [
                "CCmark",
                "CSQLite",
                "CLibPQ",
                "CMariaDB",
                "CFolderSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dbag",
            dependencies: [
                "DbagKit",
                "DbagServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DbagServe",
            dependencies: [
                "DbagKit",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strict
        ),
        // Throwaway database servers for the tests and benchmarks (not a product).
        .target(
            name: "LocalServers",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dbag-bench",
            dependencies: ["DbagKit", "LocalServers"],
            path: "Benchmarks/dbag-bench",
            swiftSettings: strict
        ),
        .testTarget(
            name: "DbagKitTests",
            dependencies: [
                "DbagKit", "DbagServe", "CSQLite", "LocalServers",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Snapshots"],
            swiftSettings: strict
        ),
    ]
)

// Fuzz targets (Tests/Fuzz/<Target>): they call libFuzzer's driver, so they exist
// only when scripts/fuzz.sh sets DBAG_FUZZ and builds them with -sanitize=fuzzer,address.
if Context.environment["DBAG_FUZZ"] != nil {
    package.targets.append(.systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"))
    for name in ["FuzzMarkdown", "FuzzFrontMatter", "FuzzConfig", "FuzzCSV", "FuzzFormat"] {
        package.products.append(.executable(name: name, targets: [name]))
        package.targets.append(.executableTarget(
            name: name, dependencies: ["DbagKit", "CLibFuzzer"], path: "Tests/Fuzz/\(name)",
            swiftSettings: strict))
    }
}
