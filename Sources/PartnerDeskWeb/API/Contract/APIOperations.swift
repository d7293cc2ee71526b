import Foundation
import OpenAPIRuntime
import OpenAPIVapor
import PartnerDeskServices
import Vapor

/// The API's handlers: the protocol generated from openapi.yaml, implemented area by area in extensions,
/// so the compiler checks every operation's parameters, bodies and answers against the document.
struct APIOperations: APIProtocol {
    let services: AppServices
    /// The address people use to reach PartnerDesk, for invitation links.
    let publicURL: String
    let document: OpenAPIDocument
    /// The document as the generated `openAPI` operation answers it.
    let documentBody: OpenAPIObjectContainer

    init(services: AppServices, publicURL: String, document: OpenAPIDocument) throws {
        self.services = services
        self.publicURL = publicURL
        self.document = document
        documentBody = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: document.json)
    }

    /// Registers every operation: public ones on `open`, the rest on `authenticated`.
    func register(open: any RoutesBuilder, authenticated: any RoutesBuilder) throws {
        let routes = OperationRoutes(
            document: document, open: open.grouped(APIRequest.Injection()),
            authenticated: authenticated.grouped(APIRequest.Injection()))
        try registerHandlers(
            on: VaporTransport(routesBuilder: routes), serverURL: URL(string: "/")!,
            configuration: Configuration(
                dateTranscoder: InstantTranscoder(), jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
            middlewares: [OperationMiddleware(document: document)])
    }

    func openAPI(_ input: Operations.OpenAPI.Input) async throws -> Operations.OpenAPI.Output {
        .ok(.init(body: .json(documentBody)))
    }
}
