import Foundation
import PartnerDeskServices

/// A ``MailMessage`` written as an Internet message (RFC 5322 with MIME): headers, then a
/// `multipart/alternative` body with a plain-text and an HTML part, both UTF-8 in quoted-printable.
///
/// Every line ends with CR LF and stays well under SMTP's 1,000-octet limit. Dot-stuffing for the DATA
/// command is left to ``SMTPData``.
struct MIMEMessage {
    var message: MailMessage
    /// The instant written in the `Date` header.
    var date: Date
    /// Separates the parts. It starts with `=_`, which quoted-printable never produces, so it cannot occur
    /// inside an encoded part.
    var boundary: String

    /// A fresh boundary, random so that nesting this message in another one cannot clash either.
    static func makeBoundary() -> String {
        "=_PartnerDesk_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The `Message-ID` header value: the message's id, stable across retries so receivers can drop
    /// duplicates.
    static func messageID(for message: MailMessage) -> String {
        "<\(message.id.uuidString.lowercased())@partnerdesk>"
    }

    /// The whole message, CR LF line endings, ending with CR LF.
    var rendered: String {
        var lines = [
            "Message-ID: \(Self.messageID(for: message))",
            "Date: \(RFC5322Date.string(from: date))",
            "From: \(message.from.value)",
            "To: \(Self.foldedList(message.to.map(\.value), headerName: "To"))",
            "Subject: \(EncodedWord.headerValue(message.subject, headerName: "Subject"))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
            "",
        ]
        let alternatives = [
            ("text/plain", EmailLayout.text(message.content)), ("text/html", EmailLayout.html(message.content)),
        ]
        for (type, body) in alternatives {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                QuotedPrintable.encode(body),
            ]
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A comma-separated list, folded onto continuation lines so no header line grows past 78 characters
    /// (unless one item alone is longer).
    private static func foldedList(_ items: [String], headerName: String) -> String {
        var result = ""
        var lineLength = headerName.utf8.count + 2
        for (index, item) in items.enumerated() {
            let piece = index == items.count - 1 ? item : item + ","
            if index > 0 {
                if lineLength + 1 + piece.utf8.count > 78 {
                    result += "\r\n "
                    lineLength = 1
                } else {
                    result += " "
                    lineLength += 1
                }
            }
            result += piece
            lineLength += piece.utf8.count
        }
        return result
    }
}
