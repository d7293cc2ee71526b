import FluentKit
import Foundation

/// Row of `blobs`.
final class BlobRecord: Model, @unchecked Sendable {
    static let schema = "blobs"

    @ID(custom: "content_hash", generatedBy: .user) var id: String?
    @Field(key: "bytes") var bytes: Data
    @Field(key: "byte_count") var byteCount: Int

    init() {}
}
