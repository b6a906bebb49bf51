// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hotlistwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hotlistwatch", targets: ["hotlistwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.100.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.50.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        // Tests only: each view's HTML checked against a recorded snapshot.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.17.0"),
        // The API is written as an OpenAPI document; these generate its types and server protocol.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", from: "1.2.0"),
        // The HTTP request and method types the generated server registers its routes with.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        // Reads the document's YAML once at start-up to serve it as JSON.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Foundation only: the domain, pure and deterministic.
        .target(name: "HotlistCore", resources: [
            // The search-reason rules of the audit-log classifier, compiled into the binary.
            .embedInCode("AuditLogs/reason-rules.txt"),
        ]),
        // Fluent records, migrations and queries; maps to and from Core types.
        .target(name: "HotlistStore", dependencies: [
            "HotlistCore",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            // Only to recognise SQLite's "database is locked" answer (HotlistDatabase.retryingWhenBusy).
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "Logging", package: "swift-log"),
            // The event loops and thread pool the database drivers run on.
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            // SHA-256 of evidence files (already in the graph through Vapor).
            .product(name: "Crypto", package: "swift-crypto"),
            // Hotlist action logs exported as .xlsx (uses the system zlib).
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Resources")]),
        // The API contract (openapi.yaml) and what the generator writes from it: types and the server protocol.
        .target(name: "HotlistAPI", dependencies: [
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        ], resources: [.embedInCode("openapi.yaml")], plugins: [
            .plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"),
        ]),
        // Vapor routes, controllers, HTML views and the JSON API.
        .target(name: "HotlistWeb", dependencies: [
            "HotlistCore", "HotlistStore", "HotlistAPI",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Vapor", package: "vapor"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            // SHA-256 of the secrets we store (session, API and reset tokens).
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "hotlistwatch", dependencies: [
            "HotlistCore", "HotlistStore", "HotlistWeb", "HotlistAPI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Vapor", package: "vapor"),
        ]),
        // Shared by the Store and Web tests: test databases on both backends and small fixtures.
        .target(name: "HotlistTestSupport", dependencies: ["HotlistStore", "HotlistCore", .product(name: "SQLKit", package: "sql-kit")],
                path: "Tests/HotlistTestSupport"),
        .testTarget(name: "HotlistCoreTests", dependencies: ["HotlistCore"]),
        .testTarget(name: "HotlistStoreTests", dependencies: ["HotlistStore", "HotlistCore", "HotlistTestSupport", .product(name: "SQLKit", package: "sql-kit"),
                                                          .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "HotlistWebTests", dependencies: [
            "HotlistWeb", "HotlistStore", "HotlistCore", "HotlistTestSupport", "HotlistAPI",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // Each view's HTML, rendered from hand-built models with fixed dates, against recorded snapshots.
        .testTarget(name: "HotlistViewTests", dependencies: [
            "HotlistWeb", "HotlistStore", "HotlistCore",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
    ]
)
