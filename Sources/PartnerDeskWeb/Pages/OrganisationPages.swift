import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The people of the organisation (or, for administrators, everyone) and the form to invite someone.
struct PeoplePage: Encodable {
    /// The answer to an invitation: the one-time link to pass on, shown once.
    struct Invited: Encodable {
        var name: String
        var link: String
        var expires: String
    }

    /// An invitation not yet accepted, as the organisation sees it.
    struct Waiting: Encodable {
        var name: String
        var email: String
        var role: String
        var invited: String
        var state: String
    }

    struct Person: Encodable {
        var id: String
        var name: String
        var email: String
        var role: String
        var partner: String
        var active: Bool
        var roles: [SelectOption]
        var isSelf: Bool
    }

    var title = "People"
    var signedIn: SignedInHeader
    var csrf: String
    var summary: String
    var people: [Person]
    var showPartner: Bool
    var roles: [SelectOption]
    var partners: [SelectOption]
    var email: String
    var name: String
    var invited: Invited?
    var invitations: [Waiting]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, users: [User], invitations: [PendingInvitation], partners: [Partner],
        values: [String: String], invited: Invited?, notice: String?, errors: [PageError], at now: Date
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        let partnerAdmin = principal.role.isPartnerRole
        summary =
            partnerAdmin
            ? "The people of your organisation who use PartnerDesk. Invite someone, change what they may do, or disable an account when they leave."
            : "Everyone with a PartnerDesk account. Partner roles belong to one partner organisation."
        let assignable = Role.allCases.filter { !partnerAdmin || $0.isPartnerRole }
        func options(selected: String) -> [SelectOption] {
            assignable.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
        }
        let codes = Dictionary(uniqueKeysWithValues: partners.map { ($0.id, $0.code.value) })
        people = users.map { user in
            Person(
                id: user.id.description, name: user.displayName, email: user.email.value, role: user.role.label,
                partner: user.partnerID.flatMap { codes[$0] } ?? "", active: user.isActive,
                roles: options(selected: user.role.rawValue), isSelf: principal.credential == .user(user.id)
            )
        }
        showPartner = !partnerAdmin
        roles = options(selected: values["role"] ?? Role.partnerReporter.rawValue)
        self.partners =
            SelectOption.partners(partners, none: "None (staff)", selected: values["partner"])
        email = values["email"] ?? ""
        name = values["name"] ?? ""
        self.invited = invited
        self.invitations = invitations.map { invitation in
            Waiting(
                name: invitation.name, email: invitation.email.value, role: invitation.role.label,
                invited: "\(PageFormat.londonTime(invitation.invitedAt)) by \(invitation.invitedBy)",
                state: invitation.isPending(at: now)
                    ? "Waiting until \(PageFormat.londonTime(invitation.expiresAt))"
                    : "Expired \(PageFormat.londonTime(invitation.expiresAt))")
        }
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// The API tokens of the organisation (or, for administrators, every token) and the form to create one.
struct TokensPage: Encodable {
    /// A token just created: its secret, shown this once and never stored in the clear.
    struct Issued: Encodable {
        var name: String
        var secret: String
    }

    struct Token: Encodable {
        var id: String
        var name: String
        var scope: String
        var owner: String
        var created: String
        var expires: String
        var lastUsed: String
        var state: String
        var usable: Bool
    }

    var title = "API tokens"
    var signedIn: SignedInHeader
    var csrf: String
    var tokens: [Token]
    var hasTokens: Bool
    var isStaff: Bool
    var partners: [SelectOption]
    var roles: [SelectOption]
    var scopes: [SelectOption]
    var name: String
    var expiresOn: String
    var issued: Issued?
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, tokens: [APIToken], partners: [Partner], now: Date,
        values: [String: String], issued: Issued?, notice: String?, errors: [PageError]
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        let codes = Dictionary(uniqueKeysWithValues: partners.map { ($0.id, $0.code.value) })
        self.tokens = tokens.map { token in
            let state: String =
                if let revoked = token.revokedAt {
                    "Revoked \(PageFormat.londonTime(revoked))"
                } else if let expiry = token.expiresAt, expiry <= now {
                    "Expired"
                } else {
                    "Active"
                }
            return Token(
                id: token.id.description, name: token.name,
                scope: token.scope == .read ? "Read only" : "Read and write",
                owner: token.partnerID.map { codes[$0] ?? "Partner" } ?? token.role.label,
                created: PageFormat.londonTime(token.createdAt),
                expires: token.expiresAt.map(PageFormat.londonTime) ?? "Never",
                lastUsed: token.lastUsedAt.map(PageFormat.londonTime) ?? "Not yet", state: state,
                usable: token.isUsable(at: now)
            )
        }
        hasTokens = !tokens.isEmpty
        isStaff = !principal.role.isPartnerRole
        self.partners =
            SelectOption.partners(partners, none: "None (a staff token)", selected: values["partner"])
        roles =
            [SelectOption(value: "", label: "Not a staff token")]
            + Role.allCases.filter { !$0.isPartnerRole }.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: values["role"] == $0.rawValue)
            }
        scopes = [
            SelectOption(
                value: "write", label: "Read and write (raise and update incidents)",
                selected: values["scope"] != "read"),
            SelectOption(value: "read", label: "Read only (dashboards, reports)", selected: values["scope"] == "read"),
        ]
        name = values["name"] ?? ""
        expiresOn = values["expiresOn"] ?? ""
        self.issued = issued
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
