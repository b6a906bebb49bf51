import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A row the reader or a scan left out, and why: counted by `kind`, the first few kept in full.
public struct AuditLogSkip: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case fewerFields = "fewer fields than the header"
        case moreFields = "more fields than the header"
        case fieldTooLong = "a field longer than the limit"
        case unterminatedQuote = "a quoted field that never closes"
        case textAfterQuote = "text after a closing quote"
    }
    public var line: Int
    public var column: Int
    public var kind: Kind
    public var detail: String
}

/// Streams an audit-log CSV export: fixed-size reads into one buffer that is reused, records handed
/// out as byte ranges, nothing decoded unless asked. Memory stays at `chunkBytes + maxRecordBytes`
/// whatever the file's size. RFC 4180: quoted fields may hold commas, line breaks and doubled quotes;
/// lines end in LF, CRLF or CR; a UTF-8 byte-order mark is skipped.
public final class AuditLogCSVReader {
    public static let defaultChunkBytes = 1 << 20
    /// A record longer than this is skipped (with a warning), not buffered: it is a broken quote or a
    /// runaway field, never a real search.
    public static let defaultMaxRecordBytes = 1 << 20
    /// A field longer than this skips its row.
    public static let defaultMaxFieldBytes = 64 << 10
    /// Fields kept per record; a log has 13 at most.
    static let maxFields = 256

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    public let file: String
    private var source: any AuditLogByteSource
    private let chunkBytes: Int
    private let maxRecordBytes: Int
    private let maxFieldBytes: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let spans: UnsafeMutablePointer<AuditLogFieldSpan>
    /// Bytes of the buffer holding data, and the next unread one.
    private var filled = 0
    private var position = 0
    private var atEnd = false
    private var line = 1
    /// Bytes taken from the source so far (for progress).
    public private(set) var bytesRead = 0
    /// Where `buffer[0]` lies in the whole file: a reader may start partway (a parallel scan's second half).
    private var bufferOffset: Int
    /// Stop before the record that starts exactly here; a reader that finds no record starting there
    /// reads on to the end (`stoppedAtOffset` says which happened).
    var stopOffset: Int?
    private(set) var stoppedAtOffset = false
    /// The physical line the next record starts on (1 at the reader's first byte).
    var currentLine: Int { line }

    /// `startOffset`: where in the file the source's first byte is (0: the file's start, where a
    /// byte-order mark is skipped; otherwise the byte after a line feed).
    public init(file: String, source: any AuditLogByteSource, chunkBytes: Int = defaultChunkBytes,
                maxRecordBytes: Int = defaultMaxRecordBytes, maxFieldBytes: Int = defaultMaxFieldBytes, startOffset: Int = 0) {
        self.file = file
        bufferOffset = startOffset
        self.source = source
        self.chunkBytes = max(16, chunkBytes)
        self.maxRecordBytes = max(16, maxRecordBytes)
        self.maxFieldBytes = maxFieldBytes
        capacity = self.chunkBytes + self.maxRecordBytes
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: Self.maxFields)
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
    }

    // MARK: - Records

    private enum Outcome: Equatable {
        case record(fieldCount: Int, start: Int, startLine: Int)
        case skipped(AuditLogSkip)
        case blank
        case end
        /// Complete but longer than `maxRecordBytes`: skipped like one that does not fit the buffer,
        /// so where a record is skipped never depends on how the reads fell.
        case tooLong
    }

    /// Calls `body` with each record in order (the header is the first); `skipped` with each record
    /// left out. Stops at the end of the file, or when `body` throws.
    public func forEachRecord<Failure: Error>(_ body: (AuditLogRecord) throws(Failure) -> Void,
                                              skipped: (AuditLogSkip) -> Void) throws(InputProblem) {
        do {
            try forEachOutcome(body, skipped: skipped)
        } catch let error as InputProblem {
            throw error
        } catch {
            throw InputProblem(file: file, problem: "\(error)", hint: "")
        }
    }

    private func forEachOutcome<Failure: Error>(_ body: (AuditLogRecord) throws(Failure) -> Void,
                                                skipped: (AuditLogSkip) -> Void) throws {
        try fill()
        if bufferOffset == 0, position == 0, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        while true {
            if let stopOffset, bufferOffset + position >= stopOffset {
                if bufferOffset + position == stopOffset { stoppedAtOffset = true; return }
                self.stopOffset = nil
            }
            switch try nextRecord() {
            case .end: return
            case .blank, .tooLong: continue
            case .skipped(let skip): skipped(skip)
            case .record(let fieldCount, _, let startLine):
                let record = AuditLogRecord(line: startLine, base: UnsafePointer(buffer),
                                            spans: UnsafeBufferPointer(start: spans, count: fieldCount))
                try body(record)
            }
        }
    }

    /// Steps over the records that start before `offset` without handing them out; returns where
    /// the first record at or after it starts (nil at the end of the file). A parallel scan's second
    /// reader starts at a line feed that may lie inside a quoted cell: past this window its records
    /// are the true ones, if the first reader finds one starting at the offset returned.
    func skipRecords(before offset: Int) throws(InputProblem) -> Int? {
        try fill()
        while bufferOffset + position < offset {
            if try nextRecord() == .end { return nil }
        }
        if position >= filled {
            try fill()
            if position >= filled { return nil }
        }
        return bufferOffset + position
    }

    /// Moves what is left of the buffer to its start and reads more after it.
    private func fill() throws(InputProblem) {
        if position > 0 {
            let remaining = filled - position
            if remaining > 0 { memmove(buffer, buffer + position, remaining) }
            filled = remaining
            bufferOffset += position
            position = 0
        }
        while !atEnd && filled < capacity {
            let want = min(chunkBytes, capacity - filled)
            let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: want))
            if count == 0 { atEnd = true } else { filled += count; bytesRead += count }
            if filled - position >= chunkBytes { break }
        }
    }

    private func nextRecord() throws(InputProblem) -> Outcome {
        while true {
            if position >= filled {
                if atEnd { return .end }
                try fill()
                continue
            }
            let outcome = parseRecord()
            if outcome == .tooLong { return try skipLongRecord() }
            if let outcome { return outcome }
            // The record runs past what is buffered.
            if filled - position > maxRecordBytes { return try skipLongRecord() }
            if atEnd { return unterminatedAtEnd() }
            try fill()
        }
    }

    /// Parses the record at `position`; nil when it is not all in the buffer yet (and more may come).
    private func parseRecord() -> Outcome? {
        // Locals, not the object's properties, in the loops below: no exclusivity check per byte.
        let filled = filled, atEnd = atEnd, buffer = buffer
        let start = position
        var cursor = start
        var fieldCount = 0
        var embeddedLines = 0
        var longField: (column: Int, bytes: Int)?
        var textAfterQuote: Int?
        while true {
            var span: AuditLogFieldSpan
            if cursor < filled, buffer[cursor] == Self.quote {
                var search = cursor + 1
                var closing = -1
                // Quotes and the line feeds between them in one pass (a record's lines are counted here).
                while search < filled {
                    let index = Self.firstOf(Self.quote, Self.lineFeed, Self.lineFeed, in: buffer, from: search, to: filled)
                    if index >= filled { break }
                    if buffer[index] == Self.lineFeed { embeddedLines += 1; search = index + 1; continue }
                    if index + 1 >= filled && !atEnd { return nil }   // a doubled quote may straddle the chunks
                    if index + 1 < filled, buffer[index + 1] == Self.quote { search = index + 2; continue }
                    closing = index
                    break
                }
                if closing < 0 { return nil }
                span = AuditLogFieldSpan(start: cursor + 1, end: closing, quoted: true)
                cursor = closing + 1
                if cursor < filled, buffer[cursor] != Self.comma, buffer[cursor] != Self.lineFeed, buffer[cursor] != Self.carriageReturn {
                    if textAfterQuote == nil { textAfterQuote = fieldCount + 1 }
                    while cursor < filled, buffer[cursor] != Self.comma, buffer[cursor] != Self.lineFeed, buffer[cursor] != Self.carriageReturn { cursor += 1 }
                }
            } else {
                let fieldStart = cursor
                cursor = Self.firstOf(Self.comma, Self.lineFeed, Self.carriageReturn, in: buffer, from: cursor, to: filled)
                span = AuditLogFieldSpan(start: fieldStart, end: cursor, quoted: false)
            }
            if span.end - span.start > maxFieldBytes, longField == nil { longField = (fieldCount + 1, span.end - span.start) }
            if fieldCount < Self.maxFields { spans[fieldCount] = span }
            fieldCount += 1
            if cursor >= filled {
                if !atEnd { return nil }
                break
            }
            if buffer[cursor] == Self.comma {
                cursor += 1
                if cursor >= filled && !atEnd { return nil }
                if cursor >= filled {
                    if fieldCount < Self.maxFields { spans[fieldCount] = AuditLogFieldSpan(start: cursor, end: cursor, quoted: false) }
                    fieldCount += 1
                    break
                }
                continue
            }
            // A line break ends the record; CRLF must not be split between two reads.
            if buffer[cursor] == Self.carriageReturn {
                if cursor + 1 >= filled && !atEnd { return nil }
                cursor += cursor + 1 < filled && buffer[cursor + 1] == Self.lineFeed ? 2 : 1
            } else {
                cursor += 1
            }
            embeddedLines += 1
            break
        }
        if cursor - start > maxRecordBytes { return .tooLong }
        let startLine = line
        line += embeddedLines
        position = cursor
        if fieldCount == 1, spans[0].start == spans[0].end, !spans[0].quoted { return .blank }
        if let longField {
            return .skipped(AuditLogSkip(line: startLine, column: longField.column, kind: .fieldTooLong,
                                         detail: "field \(longField.column) is \(longField.bytes) bytes, more than the limit of \(maxFieldBytes)"))
        }
        if let textAfterQuote {
            return .skipped(AuditLogSkip(line: startLine, column: textAfterQuote, kind: .textAfterQuote,
                                         detail: "field \(textAfterQuote) has text after its closing double quote"))
        }
        return .record(fieldCount: min(fieldCount, Self.maxFields), start: start, startLine: startLine)
    }

    /// The first of three bytes in `start..<end` (`end` if none), eight bytes at a time: each word is
    /// XORed with each byte repeated, and a zero byte found with the carry-free test. The lowest
    /// flagged byte is exact (a false flag only ever sits above a true one).
    @inline(__always)
    static func firstOf(_ first: UInt8, _ second: UInt8, _ third: UInt8, in buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let firsts = ones &* UInt64(first), seconds = ones &* UInt64(second), thirds = ones &* UInt64(third)
        var cursor = start
        while cursor + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(buffer + cursor).loadUnaligned(as: UInt64.self))
            let a = word ^ firsts, b = word ^ seconds, c = word ^ thirds
            let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if found != 0 { return cursor + found.trailingZeroBitCount >> 3 }
            cursor += 8
        }
        while cursor < end {
            let byte = buffer[cursor]
            if byte == first || byte == second || byte == third { return cursor }
            cursor += 1
        }
        return end
    }

    /// The first comma, CR or LF in `start..<end` (`end` if none).
    static func firstSeparator(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        firstOf(comma, lineFeed, carriageReturn, in: buffer, from: start, to: end)
    }

    /// Line feeds in `start..<end` (memchr: most quoted fields have none). A lone CR inside a quoted
    /// field is not counted as a line; no export writes one.
    private func lineBreaks(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end, let found = memchr(buffer + index, Int32(Self.lineFeed), end - index) {
            count += 1
            index = UnsafeMutablePointer(found.assumingMemoryBound(to: UInt8.self)) - buffer + 1
        }
        return count
    }

    /// The file ends inside a quoted field: the rest of the file is that one broken record.
    private func unterminatedAtEnd() -> Outcome {
        let (column, opening) = openQuote(from: position, to: filled)
        let skip = AuditLogSkip(line: line, column: column, kind: .unterminatedQuote,
                                detail: "a double quote opens field \(column) and never closes; the last \(filled - opening) bytes of the file were skipped")
        line += lineBreaks(from: position, to: filled)
        position = filled
        return .skipped(skip)
    }

    /// Which field of the record at `start` holds an unclosed quote, and where that quote is.
    private func openQuote(from start: Int, to end: Int) -> (column: Int, offset: Int) {
        var column = 1, inQuotes = false, opening = start, atFieldStart = true
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == Self.quote {
                if !inQuotes && atFieldStart { opening = index }
                inQuotes.toggle()
            } else if byte == Self.comma && !inQuotes {
                column += 1
                atFieldStart = true
                index += 1
                continue
            }
            atFieldStart = false
            index += 1
        }
        return (column, opening)
    }

    /// A record longer than `maxRecordBytes`: steps over it without keeping it, following its quotes.
    /// What it reports depends only on the bytes from the record's start (never on how reads fell),
    /// so a scan split across cores reports the same.
    private func skipLongRecord() throws(InputProblem) -> Outcome {
        let startLine = line
        let (column, _) = openQuote(from: position, to: min(filled, position + maxRecordBytes))
        var inQuotes = false
        var skippedBytes = 0
        while true {
            var index = position
            while index < filled {
                let byte = buffer[index]
                if byte == Self.quote {
                    inQuotes.toggle()
                } else if !inQuotes, byte == Self.lineFeed || byte == Self.carriageReturn {
                    // A CR at the end of what is buffered may be the first half of a CRLF.
                    if byte == Self.carriageReturn, index + 1 == filled, !atEnd { break }
                    if byte == Self.carriageReturn, index + 1 < filled, buffer[index + 1] == Self.lineFeed { index += 1 }
                    line += 1
                    skippedBytes += index + 1 - position
                    position = index + 1
                    return .skipped(AuditLogSkip(line: startLine, column: column, kind: .fieldTooLong,
                                                 detail: "the record is \(skippedBytes) bytes long, more than the limit of \(maxRecordBytes)"))
                } else if byte == Self.lineFeed {
                    line += 1
                }
                index += 1
            }
            skippedBytes += index - position
            position = index
            if atEnd && position >= filled {
                let kind: AuditLogSkip.Kind = inQuotes ? .unterminatedQuote : .fieldTooLong
                return .skipped(AuditLogSkip(line: startLine, column: column, kind: kind,
                                             detail: inQuotes ? "a double quote in field \(column) never closes; the last \(skippedBytes) bytes of the file were skipped"
                                                              : "the record is \(skippedBytes) bytes long, more than the limit of \(maxRecordBytes)"))
            }
            try fill()
        }
    }
}
