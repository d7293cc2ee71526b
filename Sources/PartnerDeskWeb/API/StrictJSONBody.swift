import Foundation
import PartnerDeskDomain
import Vapor

/// Reads a JSON request body strictly: a key given twice answers 400 (parsers disagree on which one wins),
/// and a key the operation does not take answers 422 naming it (`read_only_field` for what the server sets,
/// such as `partnerId`, `status` or `version`; `unknown_field` for anything else), instead of being silently
/// ignored. The keys an operation takes are its schema's, in the document.
enum StrictJSON {
    /// Fields the server sets, named so in refusals.
    static let serverOwned: Set<String> = [
        "id", "partnerId", "partnerID", "reference", "status", "statusLabel", "version", "raisedAt", "raisedBy",
        "updatedAt", "createdAt", "sla", "breached", "dueAt", "tier", "group", "linkedProblem", "resolution",
        "severity",
    ]

    /// Refuses a key given twice in one object (400) and, when the request's keys are known, a top-level key
    /// that is not one of them (422, every such key named).
    static func check(_ bytes: Data, knownKeys: Set<String>?) throws {
        guard !bytes.isEmpty else { return }
        if let duplicate = JSONDuplicateKeys.first(in: bytes) {
            throw Abort(.badRequest, reason: "The key \"\(duplicate)\" appears twice in the same object; send it once.")
        }
        guard let known = knownKeys,
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        else { return }
        let extra = Set(object.keys).subtracting(known).sorted()
        guard !extra.isEmpty else { return }
        throw ValidationFailure(
            extra.map { key in
                serverOwned.contains(key)
                    ? ValidationIssue(
                        field: key, code: "read_only_field",
                        message: "\(key) is set by PartnerDesk and cannot be sent; leave it out.")
                    : ValidationIssue(
                        field: key, code: "unknown_field",
                        message: "\(key) is not a field of this request; check its spelling or leave it out.")
            })
    }
}

enum JSONDuplicateKeys {
    static func first(in data: Data) -> String? {
        let bytes = [UInt8](data)
        // One set of keys per open object; arrays push nil.
        var objects: [Set<String>?] = []
        var expectingKey = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                objects.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                objects.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = objects.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = objects.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                if expectingKey, var keys = objects.last ?? nil {
                    let raw = Data(bytes[index...min(end, bytes.count - 1)])
                    let key =
                        (try? JSONDecoder().decode(String.self, from: raw)) ?? String(decoding: raw, as: UTF8.self)
                    if keys.contains(key) { return key }
                    keys.insert(key)
                    objects[objects.count - 1] = keys
                    expectingKey = false
                }
                index = end
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
