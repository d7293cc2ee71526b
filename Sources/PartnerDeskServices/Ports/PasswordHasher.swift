/// Turns passwords into slow, salted hashes and checks them (bcrypt in production).
public protocol PasswordHasher: Sendable {
    /// A new hash of the password.
    func hash(_ password: String) throws -> String
    /// Whether the password matches the hash.
    func verify(_ password: String, against hash: String) throws -> Bool
}
