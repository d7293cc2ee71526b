import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Optimistic concurrency: reads carry `ETag: "<version>"`; changes must send it back in `If-Match`.
enum IfMatch {
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    /// The version the caller last saw. Missing answers 428. The comparison is strong (RFC 9110, 13.1.1): a
    /// weak validator (`W/"3"`), several tags, `*` or anything that is not one of our ETags answers 412.
    static func version(_ header: String?) throws -> Int {
        guard let header else {
            throw Abort(
                .preconditionRequired, reason: "Send If-Match with the ETag from your last read of the record.")
        }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.count >= 3, text.first == "\"", text.last == "\"",
            let version = Int(text.dropFirst().dropLast()), version >= 0
        else {
            throw Abort(
                .preconditionFailed,
                reason: "If-Match must be the record's current ETag exactly, as a strong validator like \"3\".")
        }
        return version
    }

    /// Whether an `If-None-Match` header names the ETag, by the weak comparison that header uses.
    static func noneMatch(_ header: String, etag: String) -> Bool {
        let strip = { (tag: Substring) in
            tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
        }
        let wanted = strip(Substring(etag))
        return header.split(separator: ",").contains { strip($0) == "*" || strip($0) == wanted }
    }
}

/// `Idempotency-Key` on creating requests: scoped to the caller, fingerprinted with the body.
enum IdempotencyKey {
    /// The key as an operation's typed header gave it, fingerprinted with the request's path and body.
    static func request(key: String?, for request: Request, principal: Principal) throws -> IdempotencyRequest? {
        guard let key else { return nil }
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
