import Foundation
import Vapor

/// The OpenAPI 3.1 description of the API, shipped inside the package and served as it is.
/// A test compares its paths and methods with the registered routes, both ways.
enum OpenAPIDocument {
    /// The document's bytes.
    static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw Abort(.internalServerError, reason: "The API description is missing from the build.")
        }
        return try Data(contentsOf: url)
    }

    static func register(on routes: any RoutesBuilder) throws {
        let body = try data()
        routes.get("openapi.json") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.cacheControl = .init(maxAge: 300)
            return Response(status: .ok, headers: headers, body: .init(data: body))
        }.declaringPublic()
    }
}
