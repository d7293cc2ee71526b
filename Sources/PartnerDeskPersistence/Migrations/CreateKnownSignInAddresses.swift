import FluentKit
import SQLKit

/// The addresses each account last completed a sign-in from, so the looser sign-in ceilings never shut the
/// owner out of their own account (see `SignInThrottle`).
struct CreateKnownSignInAddresses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("known_sign_in_addresses")
            .field("account", .string, .required)
            .field("address", .string, .required)
            .field("last_sign_in_at", .datetime, .required)
            .compositeIdentifier(over: "account", "address")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("known_sign_in_addresses").delete()
    }
}
