import Foundation
import PartnerDeskWeb

/// Prints pages to PDF with headless Chromium (Debian's `chromium` package): the page and its stylesheet are
/// written to a private temporary folder and Chromium's own printing makes the PDF, so the PDF looks like the
/// page's print view. Each PDF runs its own Chromium with a throwaway profile, given 60 seconds.
public struct ChromiumPDFPrinter: PDFPrinter {
    let executable: URL
    let timeout: Duration

    /// Whether PDFs can be made: with the Chromium at `configured` (`PARTNERDESK_CHROMIUM`), else one found on
    /// `PATH` (`chromium`, `chromium-browser`, `google-chrome`), else not, saying why.
    public static func support(configured: String?, environment: [String: String]) -> PDFSupport {
        let files = FileManager.default
        if let configured, !configured.isEmpty {
            guard files.isExecutableFile(atPath: configured) else {
                return .unavailable(reason: "PARTNERDESK_CHROMIUM names \(configured), which is not a program here")
            }
            return .available(ChromiumPDFPrinter(executable: URL(fileURLWithPath: configured), timeout: .seconds(60)))
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where files.isExecutableFile(atPath: "\(folder)/\(name)") {
                return .available(
                    ChromiumPDFPrinter(executable: URL(fileURLWithPath: "\(folder)/\(name)"), timeout: .seconds(60)))
            }
        }
        return .unavailable(
            reason: "it needs Chromium, which is not installed (apt-get install chromium, or set PARTNERDESK_CHROMIUM)")
    }

    public func pdf(html: String, stylesheet: Data) async throws -> Data {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("partnerdesk-pdf-\(UUID().uuidString)")
        try files.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? files.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        try stylesheet.write(to: folder.appendingPathComponent("partnerdesk.css"))

        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                "--print-to-pdf=\(output.path)",
            ] + (getuid() == 0 ? ["--no-sandbox"] : []) + [page.absoluteString]
        // What Chromium says goes to a file: a pipe nobody reads until it ends could fill and stall it.
        let log = folder.appendingPathComponent("chromium.log")
        files.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        let watchdog = Task { [timeout] in
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0, let document = try? Data(contentsOf: output), document.starts(with: Data("%PDF".utf8))
        else {
            throw PDFPrintingError(status: status, output: String(said.suffix(2_000)))
        }
        return document
    }
}

/// Chromium did not make a PDF.
public struct PDFPrintingError: Error, CustomStringConvertible {
    public let status: Int32
    public let output: String

    public var description: String { "Chromium stopped with status \(status) without a PDF: \(output)" }
}
