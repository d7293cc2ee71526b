import Foundation
import PartnerDeskDomain
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// Every route declares who may call it, and the API description matches the API, both ways.
@Suite struct RouteTableTests {
    @Test func everyRoute_declaresItsAccess() async throws {
        try await APIHarness.run { api in
            let undeclared = api.app.routes.all.filter { $0.access == nil }.map(\.description)
            #expect(undeclared.isEmpty, "Routes without a declared access rule: \(undeclared)")
        }
    }

    @Test func openAPIDocument_describesExactlyTheRegisteredAPIRoutes() async throws {
        try await APIHarness.run { api in
            let response = try await api.send(.GET, "api/v1/openapi.json", as: nil)
            #expect(response.status == .ok)
            let document = response.json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
            let documented = Set(
                paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } }
            )
            let registered = Set(
                api.app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                    let path = route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }
                    return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
                }
            )
            #expect(registered.subtracting(documented).isEmpty, "Not documented: \(registered.subtracting(documented))")
            #expect(
                documented.subtracting(registered).isEmpty,
                "Documented but not served: \(documented.subtracting(registered))")
        }
    }

    @Test func openAPIDocument_referencesOnlyDefinedComponents() throws {
        let text = String(decoding: try OpenAPIDocument.bundled().json, as: UTF8.self)
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let components = document?["components"] as? [String: [String: Any]] ?? [:]
        for match in text.matches(of: /"\$ref"\s*:\s*"#\/components\/(\w+)\/(\w+)"/) {
            let (kind, name) = (String(match.output.1), String(match.output.2))
            #expect(components[kind]?[name] != nil, "Unresolved reference \(kind)/\(name)")
        }
    }
}
