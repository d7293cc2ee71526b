import OpenAPIRuntime

/// The error an operation threw, out of the `ServerError` the OpenAPI runtime wraps every error in.
func operationError(_ error: any Error) -> any Error {
    (error as? ServerError)?.underlyingError ?? error
}
