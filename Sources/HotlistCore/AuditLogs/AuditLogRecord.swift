import Foundation

/// Where one field of a record lies in the reader's buffer.
struct AuditLogFieldSpan {
    var start: Int
    var end: Int
    /// Written between double quotes in the file (its content may hold doubled quotes).
    var quoted: Bool
}

/// One record of an audit log, as byte ranges into the reader's buffer. Valid only inside the
/// closure it is handed to: the buffer is reused for the next chunk.
public struct AuditLogRecord {
    /// Physical line of the file where the record starts, 1-based.
    public let line: Int
    let base: UnsafePointer<UInt8>
    let spans: UnsafeBufferPointer<AuditLogFieldSpan>

    public var fieldCount: Int { spans.count }

    /// The raw bytes of field `index` (0-based): quotes removed, doubled quotes still doubled.
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < spans.count else { return UnsafeBufferPointer(start: base, count: 0) }
        let span = spans[index]
        return UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
    }

    func isQuoted(_ index: Int) -> Bool { index >= 0 && index < spans.count && spans[index].quoted }

    /// The field as text: doubled quotes undone, trimmed; Latin-1 when it is not UTF-8.
    public func text(_ index: Int) -> String {
        AuditLogText.decode(bytes(index), unescapingQuotes: isQuoted(index))
    }
}

/// Turning cell bytes into text: only for the few cells a scan shows (organisation names, headers).
enum AuditLogText {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, unescapingQuotes: Bool) -> String {
        // ASCII spaces and line breaks trimmed on the bytes; Foundation's trimming (slow on Linux)
        // only when a non-ASCII byte is left at either end (it may be a Unicode space).
        let trimmed = AuditLogTally.trimmed(bytes)
        var cell = Array(trimmed)
        if unescapingQuotes, cell.contains(UInt8(ascii: "\"")) {
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(cell.count)
            var index = 0
            while index < cell.count {
                unescaped.append(cell[index])
                index += cell[index] == UInt8(ascii: "\"") && index + 1 < cell.count && cell[index + 1] == UInt8(ascii: "\"") ? 2 : 1
            }
            cell = unescaped
        }
        let text = cell.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) == nil }
            ? String(decoding: cell, as: UTF8.self)
            : String(cell.map { Character(Unicode.Scalar($0)) })
        guard let first = cell.first, let last = cell.last, first >= 0x80 || last >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Validation.firstInvalidByte(in: bytes) == nil
    }
}
