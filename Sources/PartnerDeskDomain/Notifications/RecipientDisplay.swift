/// How the recipient of a message is shown to a partner's people: the partner's own addresses as they are,
/// and anyone else, the platform's staff above all, by their role only. Staff e-mail addresses are never
/// shown to partners.
///
/// ```swift
/// RecipientDisplay.forPartner("bea@platform.example", ownAddresses: [], staffRole: .serviceBridgeOperator)
/// // "Service Bridge operator (platform staff)"
/// ```
public enum RecipientDisplay {
    /// The text a partner sees for `recipient`. `ownAddresses` are the partner's people, contacts and rota,
    /// lower-cased; `staffRole` is the recipient's role when they are a member of staff.
    /// A member of staff is always shown by role, even when the partner wrote the address into its own rota or
    /// contacts, so a partner cannot confirm a guessed staff address.
    public static func forPartner(_ recipient: String, ownAddresses: Set<String>, staffRole: Role?) -> String {
        if let staffRole, !staffRole.isPartnerRole { return "\(staffRole.label) (platform staff)" }
        if ownAddresses.contains(recipient.lowercased()) { return recipient }
        return "Platform staff"
    }
}
