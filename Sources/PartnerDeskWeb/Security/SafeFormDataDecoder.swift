import Vapor

/// Reads `multipart/form-data` bodies through Vapor's decoder only once every part's header names are plain
/// header tokens: MultipartKit's parser indexes a table with each byte of a header name and stops the
/// process on a byte beyond it, so one request with a non-ASCII header name would take the service down
/// (found by the API fuzzing). Anything else answers 400 as a malformed body.
struct SafeFormDataDecoder: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        try Self.check(body, headers: headers)
        return try FormDataDecoder().decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }

    /// Refuses (400) a multipart body without a boundary or with a part header that is not a plain token; the
    /// pages' uploads are checked here, the API's when their body is collected (``APIRequest/Injection``).
    static func check(_ body: ByteBuffer, headers: HTTPHeaders) throws {
        guard let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty,
            headerNamesAreTokens(Array(body.readableBytesView), boundary: Array(boundary.utf8))
        else {
            throw Abort(.badRequest, reason: "The multipart body is malformed: a part's header is not valid.")
        }
    }

    /// Whether every header line of every part (between a boundary line and the blank line after it) is a
    /// token, a colon and a value without control characters.
    static func headerNamesAreTokens(_ bytes: [UInt8], boundary: [UInt8]) -> Bool {
        let delimiter = Array("--".utf8) + boundary
        var index = 0
        while let found = firstIndex(of: delimiter, in: bytes, from: index) {
            var cursor = found + delimiter.count
            // The closing delimiter ends the body.
            if cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") {
                return true
            }
            // Skip to the end of the delimiter line.
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\n") { cursor += 1 }
            cursor += 1
            // Header lines until a blank line.
            while cursor < bytes.count {
                var end = cursor
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var line = bytes[cursor..<min(end, bytes.count)]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                cursor = end + 1
                if line.isEmpty { break }
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                    line[line.startIndex..<colon].allSatisfy(isTokenByte),
                    line[colon...].allSatisfy({ $0 >= 0x20 || $0 == 0x09 })
                else { return false }
            }
            index = cursor
        }
        return true
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { offset in
            bytes[offset] == needle[0] && bytes[offset..<offset + needle.count].elementsEqual(needle)
        }
    }
}
