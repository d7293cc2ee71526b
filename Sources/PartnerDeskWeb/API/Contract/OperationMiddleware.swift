import Foundation
import HTTPTypes
import OpenAPIRuntime
import Vapor

/// Runs around every generated operation. A JSON body is read strictly against the keys the document gives
/// its schema (a key twice answers 400, a key the operation does not take 422, as ``StrictJSON`` says), and a
/// request the runtime could not read (a missing parameter, say) answers 400 saying why. The runtime hands
/// every error on inside a `ServerError`, which ``ProblemDetailsMiddleware`` looks through. `Accept` is not
/// consulted: every answer is JSON or the operation's one other type.
struct OperationMiddleware: ServerMiddleware {
    let document: OpenAPIDocument

    func intercept(
        _ request: HTTPTypes.HTTPRequest, body: OpenAPIRuntime.HTTPBody?, metadata: ServerRequestMetadata,
        operationID: String,
        next:
            @Sendable (HTTPTypes.HTTPRequest, OpenAPIRuntime.HTTPBody?, ServerRequestMetadata) async throws -> (
                HTTPTypes.HTTPResponse, OpenAPIRuntime.HTTPBody?
            )
    ) async throws -> (HTTPTypes.HTTPResponse, OpenAPIRuntime.HTTPBody?) {
        // The runtime would check Accept only after the handler had acted.
        var request = request
        request.headerFields[.accept] = nil
        var body = body
        if let keys = document.operation(id: operationID)?.bodyKeys, let given = body {
            // Vapor has already collected the body within the route's limit. An empty one is no body, which
            // an operation whose body is optional takes as such.
            let bytes = try await Data(collecting: given, upTo: .max)
            try StrictJSON.check(bytes, knownKeys: keys)
            body = bytes.isEmpty ? nil : HTTPBody(bytes)
        }
        do {
            var (response, answer) = try await next(request, body, metadata)
            // The runtime writes header values percent-encoded, as in a URI (`"3"` as `%223%22`); an ETag or a
            // Location is sent as it is.
            for field in response.headerFields {
                if let plain = field.value.removingPercentEncoding, plain != field.value {
                    response.headerFields[field.name] = plain
                }
            }
            return (response, answer)
        } catch let error as ServerError where error.operationInput == nil && !(error.underlyingError is DecodingError)
        {
            throw Abort(
                HTTPResponseStatus(statusCode: error.httpStatus.code < 500 ? error.httpStatus.code : 400),
                reason: error.causeDescription)
        }
    }
}
