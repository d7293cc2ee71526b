/// The quoted-printable content transfer encoding (RFC 2045 section 6.7) for text parts.
///
/// Every line break in the input (CR LF, LF or a lone CR) becomes CR LF, the canonical form of text in
/// MIME. Encoded lines are at most 76 characters long, so arbitrarily long or non-ASCII lines travel safely
/// through SMTP's 1,000-octet line limit.
enum QuotedPrintable {
    /// The longest encoded line, the `=` of a soft line break included.
    static let maximumLineLength = 76

    /// Encodes the UTF-8 bytes of the text.
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var line: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        var previousWasCR = false
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "\r"):
                encodeLine(line, into: &output)
                output += [0x0D, 0x0A]
                line.removeAll(keepingCapacity: true)
                previousWasCR = true
            case UInt8(ascii: "\n"):
                if !previousWasCR {
                    encodeLine(line, into: &output)
                    output += [0x0D, 0x0A]
                    line.removeAll(keepingCapacity: true)
                }
                previousWasCR = false
            default:
                line.append(byte)
                previousWasCR = false
            }
        }
        encodeLine(line, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func encodeLine(_ line: [UInt8], into output: inout [UInt8]) {
        var length = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let literal =
                ((33...126).contains(byte) && byte != UInt8(ascii: "="))
                || ((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && !isLast)
            let width = literal ? 1 : 3
            // Keep room for the `=` of a soft line break, unless this is the line's last character.
            if length + width > maximumLineLength - (isLast ? 0 : 1) {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                length = 0
            }
            if literal {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
            length += width
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
