import ArgumentParser
import Foundation
import PartnerDeskApp
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk partners`: register partner organisations and look them up.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Register partner organisations, with their services and contacts, and look them up.",
        subcommands: [Add.self, List.self, Show.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a partner.",
            discussion: """
                Example:
                  partnerdesk partners add --code WELLPATH --name "Wellpath Digital" --status live \\
                    --service "GP Appointments=wellpath-gp" --contact "primary:Amira Shah:amira@wellpath.example" \\
                    --contact "hssi_manager:Daniel Price:hssi@wellpath.example:0113 496 0009"
                """
        )

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Short code: 2-16 capital letters, digits or hyphens.") var code: String
        @ArgumentParser.Option(help: "The organisation's name.") var name: String
        @ArgumentParser.Option(help: "onboarding, early_live, live or offboarded.") var status = PartnerStatus
            .onboarding.rawValue
        @ArgumentParser.Option(help: "Service-level tier.") var tier = ServiceLevelTier.silver.id
        @ArgumentParser.Option(help: "A service as \"Name=client-id\" (repeatable).") var service: [String] = []
        @ArgumentParser.Option(
            help:
                "A contact as \"role:Name:email[:phone]\"; roles primary, secondary, escalation, hssi_manager (repeatable)."
        )
        var contact: [String] = []
        @ArgumentParser.Option(help: "Hours of operation: always, or HH:MM-HH:MM Monday to Friday.") var hours =
            "always"

        func run() async throws {
            let services = try service.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw ValidationError("--service '\(text)' must look like \"Name=client-id\".")
                }
                return PartnerDraft.Service(name: parts[0], clientID: parts[1])
            }
            let contacts = try contact.map { text in
                let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3 else {
                    throw ValidationError("--contact '\(text)' must look like \"role:Name:email[:phone]\".")
                }
                return PartnerDraft.Contact(
                    role: parts[0], name: parts[1], email: parts[2], phone: parts.count > 3 ? parts[3] : nil)
            }
            let draft = PartnerDraft(
                code: code, name: name, status: status, tierID: tier, services: services, contacts: contacts,
                hoursOfOperation: hours
            )
            let partner = try await withServices(common) { try await $0.partners.register(draft) }
            print("Registered \(partner.code): \(partner.name) (\(partner.status.label), tier \(partner.tierID)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every partner.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let partners = try await withServices(common) { try await $0.partners.list() }
            if partners.isEmpty { print("No partners yet: add one with `partnerdesk partners add`.") }
            for partner in partners {
                let code = partner.code.value.padding(toLength: 16, withPad: " ", startingAt: 0)
                let status = partner.status.label.padding(toLength: 12, withPad: " ", startingAt: 0)
                print(
                    "\(code) \(status) \(partner.tierID.padding(toLength: 8, withPad: " ", startingAt: 0)) \(partner.name)"
                )
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one partner with its services and contacts.")
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "The partner's code.") var code: String

        func run() async throws {
            guard let partnerCode = PartnerCode(code) else { throw ValidationError("'\(code)' is not a partner code.") }
            guard let partner = try await withServices(common, { try await $0.partners.find(code: partnerCode) }) else {
                throw ValidationError("No partner has the code \(partnerCode).")
            }
            print("\(partner.code)  \(partner.name)")
            print("Status: \(partner.status.label)    Tier: \(partner.tierID)")
            print("Hours of operation: \(partner.hoursOfOperation.summary)")
            print("Services:")
            for service in partner.services { print("  \(service.name)  (client id \(service.clientID))") }
            print("Contacts:")
            for contact in partner.contacts {
                print(
                    "  \(contact.role.label): \(contact.name) <\(contact.email)>\(contact.phone.map { "  \($0)" } ?? "")"
                )
            }
        }
    }
}

/// Runs `body` with the use cases of a migrated database, then shuts everything down.
func withServices<T: Sendable>(_ common: CommonOptions, _ body: @escaping (AppServices) async throws -> T) async throws
    -> T
{
    var config = try loadConfig(common.overrides())
    if common.logLevel == nil { config.logLevel = .warning }
    let logger = bootstrapLogging(config)
    return try await withApplication(config, logger: logger) { app in
        try await PartnerDeskApplication.prepareDatabase(app, config: config)
        try await PartnerDeskApplication.takeInBankHolidays(app)
        do {
            return try await body(PartnerDeskApplication.services(of: app))
        } catch let failure as ValidationFailure {
            throw ValidationError(failure.issues.map { "\($0.field): \($0.message)" }.joined(separator: "\n"))
        } catch ServiceError.notFound {
            throw ValidationError("No such record.")
        }
    }
}
