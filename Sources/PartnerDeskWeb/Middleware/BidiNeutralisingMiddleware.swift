import PartnerDeskDomain
import Vapor

/// Shows every control that reorders text (``BidiControls``) as a visible marker in every HTML page, so a
/// right-to-left override in a partner's title cannot turn round what a page shows. Pages never contain such
/// controls of their own, so the whole body is safe to rewrite; API answers keep the text as stored.
struct BidiNeutralisingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard response.headers.contentType?.type == "text", response.headers.contentType?.subType == "html",
            let buffer = response.body.buffer,
            let neutralised = buffer.withUnsafeReadableBytes({ BidiControls.neutralised($0) })
        else { return response }
        response.body = .init(buffer: ByteBuffer(bytes: neutralised))
        return response
    }
}
