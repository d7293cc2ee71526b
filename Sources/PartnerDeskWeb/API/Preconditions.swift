import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Optimistic concurrency: reads carry `ETag: "<version>"`; changes must send it back in `If-Match`.
enum IfMatch {
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    /// The version the caller last saw. Missing answers 428; a value that is not one of our ETags answers 412.
    static func version(_ request: Request) throws -> Int {
        guard let header = request.headers.first(name: .ifMatch) else {
            throw Abort(
                .preconditionRequired, reason: "Send If-Match with the ETag from your last read of the record.")
        }
        let text = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(text) else {
            throw Abort(.preconditionFailed, reason: "If-Match does not match the record's current ETag.")
        }
        return version
    }
}

/// `Idempotency-Key` on creating requests: scoped to the caller, fingerprinted with the body.
enum IdempotencyKey {
    /// The response for a stored answer, as given the first time (or again for a repeat).
    static func response(_ stored: StoredResponse, replayed: Bool = false) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let location = stored.location { headers.replaceOrAdd(name: .location, value: location) }
        if replayed { headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return Response(
            status: HTTPResponseStatus(statusCode: stored.status), headers: headers, body: .init(data: stored.body))
    }

    static func request(for request: Request, principal: Principal) throws -> IdempotencyRequest? {
        guard let key = request.headers.first(name: "Idempotency-Key") else { return nil }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "Idempotency-Key", code: "invalid_format",
                    message: "The Idempotency-Key header must be 1 to 255 visible ASCII characters."
                )
            ])
        }
        let body = request.body.data.map { Data(buffer: $0) } ?? Data()
        let fingerprint = SHA256.hash(data: Data(request.url.path.utf8) + body).hex
        return IdempotencyRequest(scope: principal.idempotencyScope, key: key, fingerprint: fingerprint)
    }
}
