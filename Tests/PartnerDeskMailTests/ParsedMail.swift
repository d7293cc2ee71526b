import Foundation

/// A received message taken apart the way a mail reader would: unfolded headers, decoded subject, and the
/// decoded text of each part of a `multipart/alternative` body.
struct ParsedMail {
    /// Header values by lower-cased name, continuation lines unfolded.
    var headers: [String: String]
    /// The parts' `Content-Type` values and their decoded bodies, in order.
    var parts: [(contentType: String, body: String)]
    /// Every raw line of the message.
    var lines: [String]

    init(_ data: String) throws {
        lines = data.components(separatedBy: "\r\n")
        guard let blank = lines.firstIndex(of: "") else { throw ParseError.noBody }
        headers = Self.headers(lines[..<blank])
        guard let contentType = headers["content-type"],
            let boundary = contentType.components(separatedBy: "boundary=\"").last?.split(separator: "\"").first
        else { throw ParseError.noBoundary }
        let body = lines[(blank + 1)...].joined(separator: "\r\n")
        let sections = body.components(separatedBy: "--\(boundary)")
        guard sections.count >= 3, sections.last?.hasPrefix("--") == true else { throw ParseError.badMultipart }
        parts = try sections.dropFirst().dropLast().map { section in
            let partLines = section.components(separatedBy: "\r\n").dropFirst()
            guard let partBlank = partLines.firstIndex(of: "") else { throw ParseError.badMultipart }
            let partHeaders = Self.headers(partLines[..<partBlank])
            guard partHeaders["content-transfer-encoding"] == "quoted-printable" else { throw ParseError.badMultipart }
            let encoded = partLines[(partBlank + 1)...].dropLast().joined(separator: "\r\n")
            return (partHeaders["content-type"] ?? "", try Self.decodeQuotedPrintable(encoded))
        }
    }

    /// The subject with RFC 2047 encoded-words decoded.
    var subject: String {
        get throws {
            let raw = headers["subject"] ?? ""
            guard raw.hasPrefix("=?") else { return raw }
            var bytes: [UInt8] = []
            for word in raw.split(separator: " ") {
                guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                    let decoded = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
                else { throw ParseError.badEncodedWord }
                bytes += decoded
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func headers(_ lines: ArraySlice<String>) -> [String: String] {
        var headers: [String: String] = [:]
        var last: String?
        for line in lines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = last {
                headers[name, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        return headers
    }

    static func decodeQuotedPrintable(_ text: String) throws -> String {
        var bytes: [UInt8] = []
        let input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                guard index + 2 < input.count,
                    let value = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { throw ParseError.badQuotedPrintable }
                bytes.append(value)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    enum ParseError: Error {
        case noBody
        case noBoundary
        case badMultipart
        case badEncodedWord
        case badQuotedPrintable
    }
}
