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

    /// The plain-text and HTML bodies.
    public var email: (text: String, html: String) {
        let greeting = "Hello \(name),"
        let paragraphs: [String]
        let action: (label: String, link: String)
        switch kind {
        case .newAccount(let link, let expires):
            paragraphs = [
                "\(partnerName) has invited you to PartnerDesk, where it works with the NHS login service desk on "
                    + "incidents, problems and releases.",
                "Choose your password with the link below. It works once, until \(expires).",
            ]
            action = ("Choose your password", link)
        case .existingAccount(let signIn):
            paragraphs = [
                "\(partnerName) asked for a PartnerDesk account for this address, but the address already has one, "
                    + "so nothing has changed.",
                "Sign in as usual. If you have forgotten your password, ask the First Line Service Desk for a new "
                    + "link. If your account should now belong to \(partnerName), ask the First Line Service Desk to "
                    + "move it.",
            ]
            action = ("Sign in", signIn)
        }
        let text = ([greeting] + paragraphs + ["\(action.label): \(action.link)"]).joined(separator: "\n\n") + "\n"
        let html =
            ([greeting] + paragraphs).map { "<p>\(HTMLText.escape($0))</p>" }.joined(separator: "\n")
            + "\n<p><a href=\"\(HTMLText.escape(action.link))\">\(HTMLText.escape(action.label))</a></p>\n"
        return (text, html)
    }
}
