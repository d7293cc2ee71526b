import Vapor

/// Where the generated server registers the document's operations: each route takes who may call it from
/// the operation's `x-access` (and a larger body limit from `x-body-limit`), and goes behind the bearer-token check unless the document says it is public.
struct OperationRoutes: RoutesBuilder {
    let document: OpenAPIDocument
    /// For operations anyone may call.
    let open: any RoutesBuilder
    /// For everything else: behind ``BearerAuthenticator``.
    let authenticated: any RoutesBuilder

    func add(_ route: Route) {
        let path =
            "/"
            + route.path.map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }.joined(separator: "/")
        // Every route the generated code registers comes from the document, so this always finds one.
        guard let operation = document.operation(method: route.method.rawValue, path: path) else {
            preconditionFailure("\(route.method.rawValue) \(path) is not an operation of openapi.yaml")
        }
        route.userInfo[RouteAccess.userInfoKey] = operation.access
        route.userInfo[OperationRoutes.operationKey] = operation.id
        if let limit = operation.bodyLimit { route.acceptingBodies(upTo: limit) }
        (operation.access == .public ? open : authenticated).add(route)
    }

    static let operationKey = "partnerdesk.operation"
}
