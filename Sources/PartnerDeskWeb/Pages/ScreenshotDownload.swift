import Foundation
import PartnerDeskDomain
import Vapor

/// A screenshot as the pages send it: never rendered inline, never sniffed, never cached by shared caches
/// (the API's `downloadAttachment` answers the same headers).
enum ScreenshotDownload {
    static func response(_ attachment: Attachment, bytes: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: attachment.format.rawValue)
        headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: attachment.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}
