// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PartnerDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "partnerdesk", targets: ["partnerdesk"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        // The API is generated from its OpenAPI document (Sources/PartnerDeskWeb/openapi.yaml).
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", from: "1.2.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Tests only: whole pages and the command's help compared with committed references.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Pure rules of the process: Foundation only, no I/O, no ambient time.
        .target(name: "PartnerDeskDomain"),
        // Use cases and the ports they need (repositories, clock, ids).
        .target(
            name: "PartnerDeskServices",
            dependencies: [
                "PartnerDeskDomain",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // SMTP delivery of e-mail over SwiftNIO (implements the MailTransport port).
        .target(
            name: "PartnerDeskMail",
            dependencies: [
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Signed webhook calls to partner endpoints over SwiftNIO, refusing targets a partner must not reach.
        .target(
            name: "PartnerDeskWebhooks",
            dependencies: [
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fluent records, repositories and the one ordered migration list.
        .target(
            name: "PartnerDeskPersistence",
            dependencies: [
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // HTTP: API, pages, middleware and error rendering. Never sees the database. The API's types and
        // its handler protocol are generated from openapi.yaml at build time.
        .target(
            name: "PartnerDeskWeb",
            dependencies: [
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                // Serves the YAML document as JSON too.
                .product(name: "Yams", package: "Yams"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                // For the errors that mean a client hung up (ChannelError, HTTPParserError).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Resources/Views"), .copy("Resources/Public")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Composition root: configuration, database choice, migrations, wiring.
        .target(
            name: "PartnerDeskApp",
            dependencies: [
                "PartnerDeskWeb",
                "PartnerDeskPersistence",
                "PartnerDeskMail",
                "PartnerDeskWebhooks",
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "PartnerDeskCLI",
            dependencies: [
                "PartnerDeskApp",
                "PartnerDeskServices",
                "PartnerDeskDomain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .executableTarget(
            name: "partnerdesk",
            dependencies: [
                "PartnerDeskCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Fixed clock, sequential ids, fixtures and in-memory ports for tests.
        .target(
            name: "PartnerDeskTestSupport",
            dependencies: [
                "PartnerDeskServices", "PartnerDeskDomain", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Throwaway SQLite files and PostgreSQL databases for the database-backed tests.
        .target(
            name: "PartnerDeskDatabaseTestSupport",
            dependencies: [
                "PartnerDeskPersistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Throughput figures for the business calendar: swift run -c release PartnerDeskBenchmarks
        .executableTarget(
            name: "PartnerDeskBenchmarks",
            dependencies: ["PartnerDeskDomain", "PartnerDeskTestSupport"],
            path: "Benchmarks/PartnerDeskBenchmarks"
        ),
        .testTarget(
            name: "PartnerDeskDomainTests",
            dependencies: [
                "PartnerDeskDomain", "PartnerDeskTestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PartnerDeskServicesTests",
            dependencies: ["PartnerDeskServices", "PartnerDeskDomain", "PartnerDeskTestSupport"]
        ),
        .testTarget(
            name: "PartnerDeskMailTests",
            dependencies: [
                "PartnerDeskMail", "PartnerDeskServices", "PartnerDeskDomain", "PartnerDeskTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PartnerDeskWebhooksTests",
            dependencies: [
                "PartnerDeskWebhooks", "PartnerDeskServices", "PartnerDeskTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PartnerDeskPersistenceTests",
            dependencies: [
                "PartnerDeskPersistence", "PartnerDeskServices", "PartnerDeskDomain", "PartnerDeskTestSupport",
                "PartnerDeskDatabaseTestSupport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PartnerDeskWebTests",
            dependencies: [
                "PartnerDeskWeb", "PartnerDeskServices", "PartnerDeskDomain", "PartnerDeskTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "PartnerDeskAppTests",
            dependencies: [
                "PartnerDeskApp", "PartnerDeskWeb", "PartnerDeskServices", "PartnerDeskDomain",
                "PartnerDeskTestSupport",
                "PartnerDeskDatabaseTestSupport", "PartnerDeskPersistence",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PartnerDeskCLITests",
            dependencies: [
                "PartnerDeskCLI", "PartnerDeskApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
