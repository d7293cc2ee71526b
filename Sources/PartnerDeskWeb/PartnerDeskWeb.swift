import Leaf
import LeafKit
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// The HTTP face of PartnerDesk: installs middleware and routes on an application.
public enum PartnerDeskWeb {
    /// What the web layer needs from the composition root.
    public struct Context: Sendable {
        public var services: AppServices
        /// Renders the current metrics in the Prometheus text format.
        public var metrics: @Sendable () -> String
        /// The address people use to reach PartnerDesk, for links (invitations).
        public var publicURL: String
        /// Whether people reach PartnerDesk over HTTPS (directly or through a proxy): turns on HSTS.
        public var servedOverTLS: Bool { publicURL.hasPrefix("https://") }

        /// Who may read the metrics.
        public var metricsAccess: MetricsAccess
        /// The reverse proxies whose forwarded headers name the client.
        public var trustedProxies: TrustedProxies
        /// How many API writes each partner organisation may make; `nil` for no limit.
        public var partnerWriteLimit: WriteRateLimit?
        /// What prints reports to PDF, or why nothing can here.
        public var pdf: PDFSupport

        public init(
            services: AppServices, metrics: @escaping @Sendable () -> String,
            publicURL: String = "http://127.0.0.1:8080", metricsAccess: MetricsAccess = .open,
            trustedProxies: TrustedProxies = TrustedProxies(), partnerWriteLimit: WriteRateLimit? = nil,
            pdf: PDFSupport = .unavailable(reason: "no PDF renderer is configured")
        ) {
            self.partnerWriteLimit = partnerWriteLimit
            self.pdf = pdf
            self.services = services
            self.metrics = metrics
            self.publicURL = publicURL
            self.metricsAccess = metricsAccess
            self.trustedProxies = trustedProxies
        }
    }

    /// Leaf templates and the stylesheet ship inside the package, so the service runs from any directory.
    private static func configurePages(_ app: Application, context: Context) throws {
        guard let resources = Bundle.module.resourceURL else {
            throw Abort(.internalServerError, reason: "The page templates are missing from the build.")
        }
        app.views.use(.leaf)
        let views = resources.appendingPathComponent("Views").path + "/"
        app.leaf.configuration = LeafConfiguration(rootDirectory: views)
        // The default limits refuse any path with a hidden component, and builds live under `.build/`.
        app.leaf.sources = .singleSource(
            NIOLeafFiles(
                fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views,
                viewDirectory: views)
        )
        app.leaf.cache.isEnabled = app.environment != .development
        let styles = app.grouped("styles")
        let stylesheet = try Data(contentsOf: resources.appendingPathComponent("Public/partnerdesk.css"))
        styles.get("partnerdesk.css") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.cacheControl = .init(maxAge: 3_600)
            return Response(status: .ok, headers: headers, body: .init(data: stylesheet))
        }.declaringPublic()
        PagesController(
            services: context.services, servedOverTLS: context.servedOverTLS, publicURL: context.publicURL,
            pdf: context.pdf, stylesheet: stylesheet
        ).register(on: app.routes)
        PublicProblemsController(services: context.services, publicURL: context.publicURL).register(on: app.routes)
        PublicReleasesController(services: context.services, publicURL: context.publicURL).register(on: app.routes)
        PublicStatusController(services: context.services, publicURL: context.publicURL).register(on: app.routes)
    }

    /// Installs the middleware (outermost first) and every route.
    public static func configure(_ app: Application, context: Context) throws {
        // Multipart bodies are checked before MultipartKit parses them (see SafeFormDataDecoder).
        ContentConfiguration.global.use(decoder: SafeFormDataDecoder(), for: .formData)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(servedOverTLS: context.servedOverTLS))
        app.middleware.use(BidiNeutralisingMiddleware())
        app.middleware.use(RequestIDMiddleware())
        app.middleware.use(ClientAddressMiddleware(proxies: context.trustedProxies))
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(ProblemDetailsMiddleware())
        app.middleware.use(HTTPSemanticsMiddleware(routes: app.routes))
        app.middleware.use(BodyLimitMiddleware())
        app.middleware.use(AuditTrailMiddleware(audit: context.services.audit))
        app.routes.defaultMaxBodySize = ByteCount(value: BodyLimitMiddleware.defaultLimit)
        try configurePages(app, context: context)
        try app.register(
            collection: OperationsController(
                services: context.services, metrics: context.metrics, metricsAccess: context.metricsAccess))
        var apiMiddleware: [any Middleware] = [BearerAuthenticator(tokens: context.services.tokens)]
        if let limit = context.partnerWriteLimit {
            apiMiddleware.append(WriteRateLimitMiddleware(policy: limit, clock: context.services.clock))
        }
        apiMiddleware.append(MediaTypeMiddleware())
        try APIOperations(
            services: context.services, publicURL: context.publicURL, document: try OpenAPIDocument.bundled()
        )
        .register(open: app.routes, authenticated: app.grouped(apiMiddleware))
    }
}
