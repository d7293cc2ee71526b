import Foundation

/// The e-mail that tells a partner (and the service managers) that its HSSI manager rota leaves hours of
/// operation uncovered in the next 14 days. Pure: the same notice always gives the same message.
public struct RotaGapNotice: Sendable, Hashable {
    public var partnerName: String
    /// Each gap in words, such as "Sat, 28 Nov 2026 at 09:00 to Mon, 30 Nov 2026 at 09:00".
    public var gaps: [String]
    /// The rota's page.
    public var link: String

    public init(partnerName: String, gaps: [String], link: String) {
        self.partnerName = partnerName
        self.gaps = gaps
        self.link = link
    }

    public static let event = "hssi.rota_gaps"

    public var subject: String { "\(partnerName): gaps in HSSI manager cover in the next 14 days" }

    /// What the e-mail says.
    public var content: EmailContent {
        EmailContent([
            .paragraph(
                "Nobody is on duty on \(partnerName)'s HSSI manager rota at these times within its hours of "
                    + "operation. An HSSI then reaches the HSSI manager named on the registration form, who must join a "
                    + "Multi-Party Intervention within 30 minutes."),
            .list(gaps),
            .action(label: "Fill the gaps", link: link),
        ])
    }
}
