import ArgumentParser
import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk tokens`: API tokens for partner systems and staff.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Create, list and revoke API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print its secret, once.",
            discussion: """
                A partner's system:  partnerdesk tokens create --partner WELLPATH --name "Wellpath booking system"
                A member of staff:   partnerdesk tokens create --role first_line_agent --name "Fiona's scripts"
                """
        )

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "The partner whose system will use the token.") var partner: String?
        @ArgumentParser.Option(help: "A label saying what uses the token.") var name: String
        @ArgumentParser.Option(help: "For staff tokens: the role the token acts with.") var role: String?
        @ArgumentParser.Option(help: "read or write.") var scope = TokenScope.write.rawValue
        @ArgumentParser.Option(help: "Days until the token expires (default: never).") var expiresInDays: Int?

        func validate() throws {
            if let partner, PartnerCode(partner) == nil { throw ValidationError("'\(partner)' is not a partner code.") }
            if let role, Role(rawValue: role) == nil {
                throw ValidationError(
                    "Unknown role '\(role)'. Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            if TokenScope(rawValue: scope) == nil { throw ValidationError("--scope must be read or write.") }
            if let expiresInDays, !(1...3650).contains(expiresInDays) {
                throw ValidationError("--expires-in-days must be 1 to 3650.")
            }
        }

        func run() async throws {
            let partnerCode = partner.flatMap(PartnerCode.init)
            let role = self.role.flatMap(Role.init(rawValue:))
            let scope = TokenScope(rawValue: self.scope) ?? .write
            let days = expiresInDays
            let name = self.name
            let issued = try await withServices(common) { services in
                let expiry = days.map { services.clock.now().addingTimeInterval(Double($0) * 86_400) }
                return try await services.tokens.create(
                    name: name, partnerCode: partnerCode, role: role, scope: scope, expiresAt: expiry
                )
            }
            print("Token \(issued.token.id) (\(issued.token.role.label), \(issued.token.scope.rawValue)) created.")
            print("Secret (shown only now; store it safely): \(issued.secret)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Only this partner's tokens.") var partner: String?

        func run() async throws {
            let code = partner.flatMap(PartnerCode.init)
            let tokens = try await withServices(common) { try await $0.tokens.list(partnerCode: code) }
            if tokens.isEmpty { print("No tokens.") }
            for token in tokens {
                let state = token.revokedAt != nil ? "revoked" : "active"
                let used = token.lastUsedAt.map { "last used \(ISO8601Instant.string(from: $0))" } ?? "never used"
                print(
                    "\(token.id)  \(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(token.role.rawValue)  \(token.scope.rawValue)  \(used)  \(token.name)"
                )
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; it stops working at once.")
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "The token's id (from `tokens list`).") var id: String

        func run() async throws {
            guard let tokenID = APIToken.ID(uuidString: id) else { throw ValidationError("'\(id)' is not a token id.") }
            try await withServices(common) { try await $0.tokens.revoke(tokenID) }
            print("Token \(tokenID) revoked.")
        }
    }
}
