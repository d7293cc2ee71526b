import Foundation

/// The e-mail an invitation sends: to a new address, the link to choose a password; to an address that already
/// has an account, word that nothing changed. The inviter sees neither, and the same answer either way.
public struct InvitationNotice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A new account: choose a password through `link` before `expires` (in words).
        case newAccount(link: String, expires: String)
        /// The address already has an account; `signIn` is the sign-in page.
        case existingAccount(signIn: String)
    }

    public var kind: Kind
    /// The name the inviter gave.
    public var name: String
    public var partnerName: String

    public init(kind: Kind, name: String, partnerName: String) {
        self.kind = kind
        self.name = name
        self.partnerName = partnerName
    }

    public static let event = "account.invitation"

    public var subject: String {
        switch kind {
        case .newAccount: "\(partnerName) has invited you to PartnerDesk"
        case .existingAccount: "\(partnerName) asked for a PartnerDesk account for this address"
        }
    }

    /// What the e-mail says.
    public var content: EmailContent {
        let greeting = "Hello \(name),"
        switch kind {
        case .newAccount(let link, let expires):
            return EmailContent([
                .paragraph(greeting),
                .paragraph(
                    "\(partnerName) has invited you to PartnerDesk, where it works with the NHS login service desk on "
                        + "incidents, problems and releases."),
                .paragraph("Choose your password with the link below. It works once, until \(expires)."),
                .action(label: "Choose your password", link: link),
            ])
        case .existingAccount(let signIn):
            return EmailContent([
                .paragraph(greeting),
                .paragraph(
                    "\(partnerName) asked for a PartnerDesk account for this address, but the address already has "
                        + "one, so nothing has changed."),
                .paragraph(
                    "Sign in as usual. If you have forgotten your password, ask the First Line Service Desk for a new "
                        + "link. If your account should now belong to \(partnerName), ask the First Line Service Desk "
                        + "to move it."),
                .action(label: "Sign in", link: signIn),
            ])
        }
    }
}
