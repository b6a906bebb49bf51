import HotlistCore
import NIOCore
import Vapor

/// The CSRF token of a form body, read by `FormFieldScan` (HotlistCore, fuzzed by scripts/fuzz)
/// without decoding the rest; a form with more fields or parts than any of ours is a 400.
enum FormBodyScan {
    static func field(_ name: String, in body: ByteBuffer?, contentType: HTTPMediaType?) throws -> String? {
        guard let body, let contentType else { return nil }
        do {
            if contentType == .urlEncodedForm {
                return try body.withUnsafeReadableBytes { bytes throws(FormFieldScan.TooMany) in try FormFieldScan.urlEncodedField(name, in: bytes) }
            }
            if contentType.type == "multipart", contentType.subType == "form-data", let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
                return try body.withUnsafeReadableBytes { bytes throws(FormFieldScan.TooMany) in try FormFieldScan.multipartField(name, in: bytes, boundary: boundary) }
            }
        } catch let tooMany as FormFieldScan.TooMany {
            throw Abort(.badRequest, reason: "This form has more than \(tooMany.limit) \(tooMany.what), more than any form of this site sends, so it was not read and nothing was changed.")
        }
        return nil
    }
}
