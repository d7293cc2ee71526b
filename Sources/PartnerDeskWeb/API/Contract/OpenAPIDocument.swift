import Foundation
import PartnerDeskDomain
import Vapor
import Yams

/// The API's contract, `openapi.yaml`: the source the build generates the API's types and handler protocol
/// from, served as JSON at `/api/v1/openapi.json`. It also says, per operation, who may call it
/// (`x-access`) and which keys a JSON request body may carry, which the routes take from it at start-up.
struct OpenAPIDocument: Sendable {
    /// One operation as the document describes it.
    struct Operation: Sendable, Equatable {
        var id: String
        /// `GET`, `POST`, …
        var method: String
        /// With `{name}` for path parameters, as in the document.
        var path: String
        var access: RouteAccess
        /// The top-level keys of its JSON request body, when it takes one.
        var bodyKeys: Set<String>?
        /// The largest body it takes (`x-body-limit`), when that is more than the default.
        var bodyLimit: Int?
    }

    /// The document as JSON.
    let json: Data
    let operations: [Operation]
    /// The operations by id, for the middleware that runs on every request.
    private let byID: [String: Operation]

    /// The document shipped in the build.
    static func bundled() throws -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw Abort(.internalServerError, reason: "The API description is missing from the build.")
        }
        return try OpenAPIDocument(yaml: String(contentsOf: url, encoding: .utf8))
    }

    init(yaml: String) throws {
        guard let root = Self.plain(try Yams.load(yaml: yaml)) as? [String: Any] else {
            throw DocumentError("the document is not a mapping")
        }
        json = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        let schemas = (root["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var operations: [Operation] = []
        for (path, item) in root["paths"] as? [String: Any] ?? [:] {
            for (method, value) in item as? [String: Any] ?? [:] {
                guard Self.methods.contains(method), let operation = value as? [String: Any] else { continue }
                guard let id = operation["operationId"] as? String else {
                    throw DocumentError("\(method.uppercased()) \(path) has no operationId")
                }
                operations.append(
                    Operation(
                        id: id, method: method.uppercased(), path: path,
                        access: try Self.access(operation["x-access"], operation: id),
                        bodyKeys: Self.bodyKeys(operation, schemas: schemas),
                        bodyLimit: operation["x-body-limit"] as? Int))
            }
        }
        self.operations = operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
        byID = try Dictionary(operations.map { ($0.id, $0) }) { first, _ in
            throw DocumentError("two operations are called \(first.id)")
        }
    }

    /// The operation a route serves, by its method and its path with `{name}` parameters.
    func operation(method: String, path: String) -> Operation? {
        operations.first { $0.method == method && $0.path == path }
    }

    /// The operation with the id.
    func operation(id: String) -> Operation? { byID[id] }

    /// YAML's mappings with string keys, as JSONSerialization takes them.
    private static func plain(_ value: Any?) -> Any {
        switch value {
        case let mapping as [AnyHashable: Any]:
            Dictionary(uniqueKeysWithValues: mapping.map { key, value in ("\(key.base)", plain(value)) })
        case let sequence as [Any]: sequence.map(plain)
        case let value?: value
        case nil: NSNull()
        }
    }

    private static let methods: Set<String> = ["get", "put", "post", "patch", "delete"]

    /// `x-access` is `public`, `metrics` or an ``AccessAction`` raw value such as `incident.raise`.
    private static func access(_ value: Any?, operation: String) throws -> RouteAccess {
        switch value as? String {
        case "public": return .public
        case "metrics": return .metrics
        case let name?:
            guard let action = AccessAction(rawValue: name) else {
                throw DocumentError("\(operation) names an unknown access action \(name)")
            }
            return .action(action)
        case nil: throw DocumentError("\(operation) does not say who may call it (x-access)")
        }
    }

    private static func bodyKeys(_ operation: [String: Any], schemas: [String: Any]) -> Set<String>? {
        let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        guard var schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any] else {
            return nil
        }
        if let reference = schema["$ref"] as? String,
            let named = schemas[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
        {
            schema = named
        }
        // A payload another program defines (Alertmanager's) may carry keys added after the document was written.
        if schema["additionalProperties"] as? Bool == true { return nil }
        return Set((schema["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    struct DocumentError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = "openapi.yaml: \(description)" }
    }
}
