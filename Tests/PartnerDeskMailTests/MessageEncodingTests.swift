import Foundation
import NIOCore
import PartnerDeskDomain
import PartnerDeskServices
import Testing

@testable import PartnerDeskMail

/// The pieces that turn a ``MailMessage`` into SMTP DATA: quoted-printable, encoded-words, the date,
/// dot-stuffing and the MIME structure.
@Suite struct MessageEncodingTests {
    @Test func quotedPrintable_keepsLinesShort_andDecodesBackToTheText() throws {
        let text =
            "plain\nemoji ✓ and umlauts äöü\r\n" + String(repeating: "a=b ", count: 600) + "\rtrailing space \n\tlast"
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
        #expect(!encoded.contains("\r\n\r\n=") && !encoded.contains("\n\r"))
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try ParsedMail.decodeQuotedPrintable(encoded) == expected)
    }

    @Test func quotedPrintable_escapesEqualsSigns_andTrailingWhitespace() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("end \nnext\t") == "end=20\r\nnext=09")
        #expect(QuotedPrintable.encode("ü") == "=C3=BC")
        #expect(QuotedPrintable.encode("") == "")
    }

    @Test func encodedWord_leavesPlainASCIIAlone() {
        #expect(
            EncodedWord.headerValue("Incident INC-0042 received", headerName: "Subject") == "Incident INC-0042 received"
        )
    }

    @Test func encodedWord_encodesNonASCII_lineBreaks_andLookalikes() {
        for subject in ["Störung", "first\r\nBcc: someone@example.com", "looks =?like?= a word", "tab\there"] {
            let value = EncodedWord.headerValue(subject, headerName: "Subject")
            #expect(value.hasPrefix("=?UTF-8?B?"), "\(subject)")
            #expect(!value.replacingOccurrences(of: "\r\n ", with: "").contains("\r"))
            #expect(!value.replacingOccurrences(of: "\r\n ", with: "").contains("\n"))
        }
    }

    @Test func encodedWord_splitsLongSubjectsOnCharacterBoundaries() {
        let subject = String(repeating: "Zustellung bestätigt ✓ ", count: 10)
        let words = EncodedWord.words(for: subject)
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.utf8.count <= 75 && "Subject: \($0)".utf8.count <= 78 })
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }
        #expect(decoded.joined() == subject)
        #expect(decoded.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    @Test func rfc5322Date_isWrittenInUTC() throws {
        let formatter = ISO8601DateFormatter()
        #expect(
            RFC5322Date.string(from: try #require(formatter.date(from: "2026-11-26T09:00:00Z")))
                == "Thu, 26 Nov 2026 09:00:00 +0000")
        #expect(
            RFC5322Date.string(from: try #require(formatter.date(from: "2027-01-03T07:05:09+02:00")))
                == "Sun, 03 Jan 2027 05:05:09 +0000")
    }

    @Test func smtpData_dotStuffsLines_andEndsWithTheDotLine() {
        let encoded = SMTPData.encode(".first\r\nmiddle.\r\n..two\r\n.", allocator: ByteBufferAllocator())
        #expect(String(buffer: encoded) == "..first\r\nmiddle.\r\n...two\r\n..\r\n.\r\n")
        #expect(String(buffer: SMTPData.encode("done\r\n", allocator: ByteBufferAllocator())) == "done\r\n.\r\n")
    }

    @Test func mimeMessage_hasTheHeadersAndBothParts() throws {
        let message = MailMessage(
            id: UUID(uuidString: "00000000-0000-4000-8000-00000000000A")!,
            from: EmailAddress("desk@partnerdesk.example")!,
            to: (1...8).map { EmailAddress("contact\($0)@partner-with-a-long-name.example")! },
            subject: "Received", content: EmailContent([.paragraph("Hello")]))
        let rendered = MIMEMessage(
            message: message, date: Date(timeIntervalSince1970: 0), boundary: "=_PartnerDesk_test"
        ).rendered
        #expect(rendered.hasPrefix("Message-ID: <00000000-0000-4000-8000-00000000000a@partnerdesk>\r\n"))
        #expect(rendered.hasSuffix("--=_PartnerDesk_test--\r\n"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let mail = try ParsedMail(rendered)
        #expect(mail.headers["date"] == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(mail.headers["subject"] == "Received")
        #expect(mail.headers["to"] == message.to.map(\.value).joined(separator: ", "))
        #expect(mail.parts.map(\.body) == ["Hello\r\n", "<p>Hello</p>\r\n"])
    }

    @Test func mimeBoundaries_areFresh_andCannotOccurInQuotedPrintable() {
        let first = MIMEMessage.makeBoundary()
        #expect(first != MIMEMessage.makeBoundary())
        #expect(first.hasPrefix("=_"))
        #expect(!QuotedPrintable.encode("--\(first)").contains(first))
    }
}
