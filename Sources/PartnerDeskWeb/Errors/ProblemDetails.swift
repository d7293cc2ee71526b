import PartnerDeskDomain
import Vapor

/// An RFC 9457 problem details document, the body of every error the API returns.
///
/// `code` is stable and meant for programs; `title` and `detail` are for people. `errors` lists one entry
/// per refused field.
struct ProblemDetails: Content, Equatable {
    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var code: String
    var requestId: String?
    var errors: [ValidationIssue]?

    init(
        status: HTTPResponseStatus,
        code: String,
        title: String? = nil,
        detail: String? = nil,
        errors: [ValidationIssue]? = nil
    ) {
        self.type = "urn:partnerdesk:problem:\(code)"
        self.title = title ?? status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.code = code
        self.errors = errors
    }
}
