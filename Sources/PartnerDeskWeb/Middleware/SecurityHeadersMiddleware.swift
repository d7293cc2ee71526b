import Vapor

/// Adds the browser-protection headers to every response, errors included: a Content-Security-Policy that
/// allows no inline script and no framing, `nosniff`, a strict Referrer-Policy, and HSTS when PartnerDesk
/// is served over TLS. Whatever a signed-in person is shown is `no-store`, so Back after signing out (or
/// the next person at a shared computer) cannot bring it back from the browser's cache.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let servedOverTLS: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        for (name, value) in headers {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if case .user? = request.storage[PrincipalKey.self]?.credential {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if servedOverTLS {
            response.headers.replaceOrAdd(
                name: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains")
        }
        return response
    }
}
