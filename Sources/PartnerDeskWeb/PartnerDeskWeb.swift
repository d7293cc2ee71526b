import PartnerDeskServices
import Vapor

/// The HTTP face of PartnerDesk: installs middleware and routes on an application.
public enum PartnerDeskWeb {
    /// What the web layer needs from the composition root.
    public struct Context: Sendable {
        public var services: AppServices
        /// Renders the current metrics in the Prometheus text format.
        public var metrics: @Sendable () -> String
        /// Whether people reach PartnerDesk over HTTPS (directly or through a proxy): turns on HSTS.
        public var servedOverTLS: Bool

        public init(services: AppServices, metrics: @escaping @Sendable () -> String, servedOverTLS: Bool = false) {
            self.services = services
            self.metrics = metrics
            self.servedOverTLS = servedOverTLS
        }
    }

    /// Installs the middleware (outermost first) and every route.
    public static func configure(_ app: Application, context: Context) throws {
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(servedOverTLS: context.servedOverTLS))
        app.middleware.use(RequestIDMiddleware())
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(ProblemDetailsMiddleware())
        app.middleware.use(AuditTrailMiddleware(audit: context.services.audit))
        app.routes.defaultMaxBodySize = "64kb"
        try app.register(collection: OperationsController(services: context.services, metrics: context.metrics))
        try OpenAPIDocument.register(on: app.grouped("api", "v1"))
        let api = app.grouped("api", "v1").grouped(BearerAuthenticator(tokens: context.services.tokens))
        IncidentsController(services: context.services).register(on: api)
    }
}
