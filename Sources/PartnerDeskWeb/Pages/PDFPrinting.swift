import Foundation

/// Prints a page to PDF with a real renderer (headless Chromium in App): PartnerDesk never writes PDF syntax
/// itself.
public protocol PDFPrinter: Sendable {
    /// `html` is a whole document that links its stylesheet as `partnerdesk.css`, printed with `stylesheet`
    /// beside it and the print styles applied.
    func pdf(html: String, stylesheet: Data) async throws -> Data
}

/// Whether pages can be printed to PDF here, and why not when they cannot (the pages say so where the PDF link
/// would be; the page and CSV work either way).
public enum PDFSupport: Sendable {
    case available(any PDFPrinter)
    case unavailable(reason: String)

    /// Why not, or nil when PDFs can be made.
    var missingReason: String? {
        if case .unavailable(let reason) = self { reason } else { nil }
    }
}
