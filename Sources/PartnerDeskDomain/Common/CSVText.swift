import Foundation

/// Writes CSV that spreadsheets read safely.
///
/// The rules: RFC 4180 — records end with CRLF, and a field holding a comma, a double quote, CR or LF is enclosed
/// in double quotes with each double quote doubled. A field starting with `=`, `+`, `-`, `@`, a tab or CR could
/// be run as a formula by a spreadsheet, so it gets a leading apostrophe first (and is then quoted as needed).
///
/// ```swift
/// CSVText.document(header: ["at", "text"], rows: [["2026-11-26T09:00:00Z", "=1+1, said \"x\""]])
/// // "at,text\r\n2026-11-26T09:00:00Z,\"'=1+1, said \"\"x\"\"\"\r\n"
/// ```
public enum CSVText {
    /// A header record and the data records, each ending with CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(record).joined()
    }

    /// One record: the fields, made safe, joined by commas, with a closing CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, with a formula neutralised and quotes added where RFC 4180 needs them.
    public static func field(_ value: String) -> String {
        // The first scalar decides: a CR LF pair is one Character in Swift.
        let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        let safe = value.unicodeScalars.first.map(formulaStarts.contains) == true ? "'" + value : value
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
