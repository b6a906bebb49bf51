import Foundation

/// Reads one field of a submitted form (url-encoded or multipart) in a single pass over its bytes,
/// after checking that the form has no more fields (or parts) than any form of ours. Bodies over the
/// counts are refused before any decoder sees them, so later decoding works on a bounded form.
public enum FormFieldScan {
    /// Our largest form (a finding with every NCIC topic and many evidence files) has a few hundred.
    public static let maxFields = 1_000
    /// An upload form has the file and a handful of fields.
    public static let maxParts = 64

    public struct TooMany: Error, Equatable, Sendable {
        public var what: String
        public var limit: Int
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body, percent-decoded; nil if absent.
    public static func urlEncodedField(_ name: String, in bytes: UnsafeRawBufferPointer) throws(TooMany) -> String? {
        let key = Array((name + "=").utf8)
        var found: String?
        var fields = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                fields += 1
                if fields > maxFields { throw TooMany(what: "fields", limit: maxFields) }
                if found == nil, end - start >= key.count, key.indices.allSatisfy({ bytes[start + $0] == key[$0] }) {
                    let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + key.count)..<end]), as: UTF8.self)
                    found = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
                }
            }
            start = end + 1
        }
        return found
    }

    /// The value of the part named `name` in a `multipart/form-data` body with `boundary`; nil if absent.
    public static func multipartField(_ name: String, in bytes: UnsafeRawBufferPointer, boundary: String) throws(TooMany) -> String? {
        let delimiter = Array(("--" + boundary).utf8)
        let header = Array(" name=\"\(name)\"".utf8) // the space keeps filename="…" from matching
        guard !boundary.isEmpty else { return nil }
        // Where each part starts: a delimiter at the start of the body or of a line.
        var partStarts: [Int] = []
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index] == delimiter[0], index == 0 || bytes[index - 1] == UInt8(ascii: "\n"),
               delimiter.indices.allSatisfy({ bytes[index + $0] == delimiter[$0] }) {
                partStarts.append(index + delimiter.count)
                if partStarts.count > maxParts + 1 { throw TooMany(what: "parts", limit: maxParts) }
                index += delimiter.count
            } else {
                index += 1
            }
        }
        // The token part is small: its headers name it, a blank line, the value, the next delimiter.
        for (number, start) in partStarts.enumerated().dropLast() {
            let end = partStarts[number + 1] - delimiter.count
            guard let blank = find([13, 10, 13, 10], in: bytes, from: start, to: end) else { continue }
            guard find(header, in: bytes, from: start, to: blank) != nil else { continue }
            var valueEnd = end
            if valueEnd - 2 >= blank + 4, bytes[valueEnd - 2] == 13, bytes[valueEnd - 1] == 10 { valueEnd -= 2 }
            guard valueEnd > blank + 4 else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(blank + 4)..<valueEnd]), as: UTF8.self)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard to - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= to {
            if needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }
}
