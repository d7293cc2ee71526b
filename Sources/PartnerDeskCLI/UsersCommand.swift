import ArgumentParser
import Foundation
import PartnerDeskApp
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk users`: people who sign in.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list and disable users, and make password-reset links.",
        subcommands: [Add.self, List.self, Disable.self, ResetLink.self, TOTPEnroll.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user and print their invitation link (valid for 72 hours).",
            discussion: """
                A partner's user:  partnerdesk users add --email rosa@wellpath.example --name "Rosa Reporter" \\
                                     --role partner_reporter --partner WELLPATH
                Staff:             partnerdesk users add --email fiona@example.org --name Fiona --role first_line_agent
                """
        )
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "The address they sign in with.") var email: String
        @ArgumentParser.Option(help: "Their name as others see it.") var name: String
        @ArgumentParser.Option(help: "Their role.") var role: String
        @ArgumentParser.Option(help: "For partner roles: the partner's code.") var partner: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError(
                    "Unknown role '\(role)'. Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if let partner, PartnerCode(partner) == nil { throw ValidationError("'\(partner)' is not a partner code.") }
        }

        func run() async throws {
            let (email, name, role, partner) = (
                self.email, self.name, Role(rawValue: self.role)!, self.partner.flatMap(PartnerCode.init)
            )
            let config = try loadConfig(common.overrides())
            let invitation = try await withServices(common) {
                try await $0.accounts.add(email: email, name: name, role: role, partnerCode: partner)
            }
            print("Added \(invitation.user.email) (\(invitation.user.role.label)).")
            print("Invitation link, valid until \(ISO8601Instant.string(from: invitation.expiresAt)):")
            print("  " + AccountService.passwordLink(publicURL: config.publicURL, secret: invitation.linkSecret))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Only this partner's users.") var partner: String?

        func run() async throws {
            let code = partner.flatMap(PartnerCode.init)
            let users = try await withServices(common) { try await $0.accounts.list(partnerCode: code) }
            if users.isEmpty { print("No users.") }
            for user in users {
                let state = user.isActive ? "active  " : "disabled"
                print(
                    "\(user.email.value.padding(toLength: 36, withPad: " ", startingAt: 0)) \(state) \(user.role.label) — \(user.displayName)"
                )
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a user signing in and end their sessions.")
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "The user's e-mail address.") var email: String

        func run() async throws {
            let email = self.email
            try await withServices(common) { try await $0.accounts.disable(email: email) }
            print("Disabled \(email); their sessions have ended.")
        }
    }

    struct TOTPEnroll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp-enroll",
            abstract: "Set up an authenticator app for a user; prints the secret and the otpauth:// address once."
        )
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "The user's e-mail address.") var email: String

        func run() async throws {
            let email = self.email
            let enrolment = try await withServices(common) { try await $0.accounts.enrollSecondFactor(email: email) }
            print("Authenticator set up for \(email); their sessions have ended. Give them, privately:")
            print("  secret:  \(enrolment.secret)")
            print("  address: \(enrolment.uri)")
        }
    }

    struct ResetLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-link", abstract: "Print a one-time password-reset link (valid for 72 hours)."
        )
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "The user's e-mail address.") var email: String

        func run() async throws {
            let email = self.email
            let config = try loadConfig(common.overrides())
            let link = try await withServices(common) { try await $0.accounts.resetLink(email: email) }
            print("Password-reset link for \(email), valid until \(ISO8601Instant.string(from: link.expiresAt)):")
            print("  " + AccountService.passwordLink(publicURL: config.publicURL, secret: link.secret))
        }
    }
}
