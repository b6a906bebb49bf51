import Foundation

/// Counts searches in audit-log records by searching organisation, month and category, reading
/// only the cells that question needs, straight from the reader's bytes.
public final class AuditLogScan {
    public let classifier: ReasonClassifier
    public var summary: AuditLogSummary { tally.summary }
    /// Called for each row with a category other than ordinary: the record, its columns, the
    /// categories and the ids of the rules that matched.
    public var onFlagged: ((AuditLogRecord, AuditLogColumns, [ReasonCategory], [String]) -> Void)?
    /// Everything a row changes, in one struct: a row is one access to it, not one per counter.
    private var tally: AuditLogTally

    public init(classifier: ReasonClassifier = .standard) {
        self.classifier = classifier
        tally = AuditLogTally(classifier: classifier)
    }

    // MARK: - Files

    /// Scans one CSV export. `progress` is called every 64K rows with (rows, bytes read).
    public func scanCSV(file: String, source: any AuditLogByteSource, fileBytes: Int,
                        chunkBytes: Int = AuditLogCSVReader.defaultChunkBytes, maxRecordBytes: Int = AuditLogCSVReader.defaultMaxRecordBytes,
                        maxFieldBytes: Int = AuditLogCSVReader.defaultMaxFieldBytes,
                        progress: ((Int, Int) -> Void)? = nil) throws(InputProblem) {
        let reader = AuditLogCSVReader(file: file, source: source, chunkBytes: chunkBytes, maxRecordBytes: maxRecordBytes, maxFieldBytes: maxFieldBytes)
        var columns: AuditLogColumns?
        var headerProblem: InputProblem?
        let onFlagged = onFlagged
        tally.begin(file)
        try reader.forEachRecord({ (record: AuditLogRecord) throws(InputProblem) in
            guard let columns else {
                do throws(InputProblem) {
                    columns = try AuditLogColumns(header: (0..<record.fieldCount).map(record.text), file: file)
                } catch { headerProblem = error; throw error }
                return
            }
            tally.add(record, columns, onFlagged: onFlagged)
            if self.tally.fileRowsRead & 0xFFFF == 0 { progress?(self.tally.fileRowsRead, reader.bytesRead) }
        }, skipped: { skip in
            self.tally.skip(skip.kind.rawValue, line: skip.line, column: skip.column, detail: skip.detail)
        })
        if let headerProblem { throw headerProblem }
        guard columns != nil else {
            throw InputProblem(file: file, line: 1, problem: "the file is empty",
                               hint: "Export the audit log again; the first line must be its header (ID, Name, Org Name, …, Reason, …).")
        }
        tally.finish(format: "csv", bytes: fileBytes)
    }

    /// Scans the rows of a worksheet (an .xlsx export): the first row is the header.
    public func scanRows(file: String, rows: [(number: Int, cells: [String])], fileBytes: Int) throws(InputProblem) {
        guard let header = rows.first else {
            throw InputProblem(file: file, line: 1, problem: "the worksheet is empty", hint: "Export the audit log again, or as CSV.")
        }
        tally.begin(file)
        let columns = try AuditLogColumns(header: header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, file: file)
        var bytes: [UInt8] = []
        var spans: [AuditLogFieldSpan] = []
        for row in rows.dropFirst() {
            bytes.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            for cell in row.cells {
                let start = bytes.count
                bytes.append(contentsOf: cell.utf8)
                spans.append(AuditLogFieldSpan(start: start, end: bytes.count, quoted: false))
            }
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            bytes.withUnsafeBufferPointer { base in
                spans.withUnsafeBufferPointer { spanBuffer in
                    let record = AuditLogRecord(line: row.number, base: base.baseAddress ?? UnsafePointer(bitPattern: 1)!, spans: spanBuffer)
                    // Excel drops empty cells at the end of a row: pad, never skip, for worksheets.
                    tally.add(record, columns, padded: true, onFlagged: onFlagged)
                }
            }
        }
        tally.finish(format: "xlsx", bytes: fileBytes)
    }

}

/// The counts of a scan so far, and the working space a row needs.
struct AuditLogTally {
    let classifier: ReasonClassifier
    var summary = AuditLogSummary()
    private var scratch = ReasonClassifier.Scratch()
    private var organizations = ByteInterner()
    /// (organisation, yyyymm, category) packed → index into `counts`.
    private var groupIndex = IntTable()
    private var counts: [(key: Int, searches: Int, networks: Int, devices: Int)] = []
    private var file = ""
    private(set) var fileRowsRead = 0
    private var fileRowsSkipped = 0

    init(classifier: ReasonClassifier) { self.classifier = classifier }

    mutating func begin(_ file: String) {
        self.file = file
        fileRowsRead = 0
        fileRowsSkipped = 0
    }

    mutating func finish(format: String, bytes: Int) {
        summary.files.append(.init(file: file, format: format, bytes: bytes, rowsRead: fileRowsRead, rowsSkipped: fileRowsSkipped))
        summary.rowsRead += fileRowsRead
        summary.rowsSkipped += fileRowsSkipped
        summary.groups = groups()
    }

    // MARK: - Rows

    private static let redacted: [UInt8] = Array("***".utf8)

    mutating func add(_ record: AuditLogRecord, _ columns: AuditLogColumns, padded: Bool = false,
                      onFlagged: ((AuditLogRecord, AuditLogColumns, [ReasonCategory], [String]) -> Void)?) {
        let expected = columns.header.count
        if record.fieldCount != expected && !(padded && record.fieldCount < expected) {
            let kind: AuditLogSkip.Kind = record.fieldCount < expected ? .fewerFields : .moreFields
            skip(kind.rawValue, line: record.line, column: min(record.fieldCount, expected) + 1,
                 detail: "the row has \(record.fieldCount) fields, the header \(expected)")
            return
        }
        fileRowsRead += 1
        let reason = Self.trimmed(record.bytes(columns.reason))
        var bits: UInt8 = 0
        if reason.isEmpty || reason.elementsEqual(Self.redacted) {
            summary.reasonsRedactedOrEmpty += 1
        } else {
            bits = classifier.classify(reason, scratch: &scratch)
            if reason.contains(where: { $0 >= 0x80 }), !AuditLogText.isUTF8(reason) {
                warn("Latin-1 text", line: record.line, column: columns.reason + 1, "the reason is not UTF-8; read as Latin-1")
            }
        }
        var matchedRules = scratch.matched
        if let offense = columns.offenseType {
            let offenseBytes = Self.trimmed(record.bytes(offense))
            if !offenseBytes.isEmpty {
                let saved = matchedRules
                bits |= classifier.classify(offenseBytes, scratch: &scratch)
                matchedRules = saved + scratch.matched
            }
        }
        let organization = columns.organization.map { organizationIndex(record, column: $0) } ?? organizations.index(of: UnsafeBufferPointer(start: nil, count: 0)).index
        let month = monthKey(Self.trimmed(record.bytes(columns.searchTime)), line: record.line, column: columns.searchTime + 1)
        let networks = columns.networks.map { count(record, column: $0) } ?? 0
        let devices = columns.devices.map { count(record, column: $0) } ?? 0
        var remaining = bits == 0 ? ReasonCategory.ordinary.bit : bits
        var categoryIndex = 0
        while remaining != 0 {
            if remaining & 1 != 0 {
                let key = (organization << 24) | (month << 3) | categoryIndex
                if let index = groupIndex[key] {
                    counts[index].searches += 1
                    counts[index].networks += networks
                    counts[index].devices += devices
                } else {
                    groupIndex.insert(key, counts.count)
                    counts.append((key, 1, networks, devices))
                }
            }
            remaining >>= 1
            categoryIndex += 1
        }
        if bits != 0, let onFlagged {
            var seen = Set<String>()
            let ids = matchedRules.map { classifier.rules[$0].id }.filter { seen.insert($0).inserted }
            onFlagged(record, columns, ReasonCategory.from(bits: bits), ids)
        }
    }

    private mutating func organizationIndex(_ record: AuditLogRecord, column: Int) -> Int {
        let bytes = Self.trimmed(record.bytes(column))
        let (index, isNew) = organizations.index(of: bytes)
        if isNew, bytes.contains(where: { $0 >= 0x80 }), !AuditLogText.isUTF8(bytes) {
            warn("Latin-1 text", line: record.line, column: column + 1, "the organisation name is not UTF-8; read as Latin-1")
        }
        return index
    }

    /// yyyymm from "2025-03-14…", "2025/03/14" or "3/14/2025 …"; 0 when unreadable.
    private mutating func monthKey(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Int {
        // Three numbers separated by - or /, counted in place: no allocation per row.
        var numbers = (0, 0, 0), digits = (0, 0, 0)
        var part = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                let digit = Int(byte - 48)
                switch part {
                case 0: numbers.0 = numbers.0 * 10 + digit; digits.0 += 1
                case 1: numbers.1 = numbers.1 * 10 + digit; digits.1 += 1
                default: numbers.2 = numbers.2 * 10 + digit; digits.2 += 1
                }
                if digits.0 > 4 || digits.1 > 4 || digits.2 > 4 { break }
            } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")) && part < 2 {
                part += 1
            } else {
                break
            }
        }
        var year = 0, month = 0
        if digits.0 == 4 && digits.1 >= 1 { (year, month) = (numbers.0, numbers.1) } else if digits.2 == 4 && digits.0 >= 1 { (year, month) = (numbers.2, numbers.0) }
        guard year >= 1990, year <= 2199, month >= 1, month <= 12 else {
            if !bytes.isEmpty, !bytes.elementsEqual(Self.redacted) {
                warn("unreadable search time", line: line, column: column, "the search time is not a date this scan reads (YYYY-MM-DD or M/D/YYYY); counted under month \"unknown\"")
            }
            return 0
        }
        return year * 100 + month
    }

    /// A whole number of networks or devices, commas allowed; 0 with a warning otherwise.
    private mutating func count(_ record: AuditLogRecord, column: Int) -> Int {
        let bytes = Self.trimmed(record.bytes(column))
        var value = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                value = value &* 10 &+ Int(byte - 48)
                if value > 1_000_000_000 { break }
            } else if byte != UInt8(ascii: ",") {
                if !bytes.elementsEqual(Self.redacted) {
                    warn("unreadable count", line: record.line, column: column + 1, "\"\(record.text(column).prefix(40))\" is not a whole number; counted as 0")
                }
                return 0
            }
        }
        return min(value, 1_000_000_000)
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 || bytes[start] == 10 || bytes[start] == 13 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    // MARK: - Reporting

    mutating func skip(_ why: String, line: Int, column: Int, detail: String) {
        fileRowsSkipped += 1
        summary.skippedBy[why, default: 0] += 1
        note(line: line, column: column, "row skipped: \(detail)")
    }

    private mutating func warn(_ kind: String, line: Int, column: Int, _ message: String) {
        summary.warningsBy[kind, default: 0] += 1
        note(line: line, column: column, message)
    }

    private mutating func note(line: Int, column: Int, _ message: String) {
        guard summary.warnings.count < AuditLogSummary.maxWarnings else { return }
        summary.warnings.append(.init(file: file, line: line, column: column, message: message))
    }

    private mutating func groups() -> [AuditLogSummary.Group] {
        var byCategory: [String: Int] = [:]
        let groups = counts.map { entry -> AuditLogSummary.Group in
            let category = ReasonCategory.allCases[entry.key & 7]
            let month = (entry.key >> 3) & 0x1F_FFFF
            byCategory[category.rawValue, default: 0] += entry.searches
            return AuditLogSummary.Group(
                organization: organizations.names[entry.key >> 24],
                month: month == 0 ? "unknown" : String(format: "%04d-%02d", month / 100, month % 100),
                category: category, searches: entry.searches, networksSearched: entry.networks, devicesSearched: entry.devices)
        }
        summary.searchesByCategory = byCategory
        return groups.sorted { ($0.organization, $0.month, $0.category) < ($1.organization, $1.month, $1.category) }
    }
}

/// Byte strings → small integers, for organisation names: a row costs one FNV hash and one compare
/// in an open-addressing table, and only a name seen for the first time becomes a String.
struct ByteInterner {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    private var stored: [[UInt8]] = []
    private(set) var names: [String] = []
    private var last = -1

    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        if last >= 0, Self.same(stored[last], bytes) { return (last, false) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] >= 0 {
            let candidate = Int(slots[slot])
            if hashes[candidate] == hash, Self.same(stored[candidate], bytes) {
                last = candidate
                return (candidate, false)
            }
            slot = (slot + 1) & mask
        }
        let index = stored.count
        stored.append(Array(bytes))
        hashes.append(hash)
        names.append(AuditLogText.decode(bytes, unescapingQuotes: true))
        slots[slot] = Int32(index)
        last = index
        if stored.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private static func same(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        guard let other = bytes.baseAddress, !bytes.isEmpty else { return true }
        return stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, other, bytes.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// Int keys → Int values in an open-addressing table: the per-row group lookup without Dictionary's
/// per-lookup seeded hashing.
struct IntTable {
    private var keys = [Int](repeating: -1, count: 1024)
    private var values = [Int](repeating: 0, count: 1024)
    private var count = 0

    subscript(key: Int) -> Int? {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while keys[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// `key` must be ≥ 0 and not yet in the table.
    mutating func insert(_ key: Int, _ value: Int) {
        if (count + 1) * 2 > keys.count {
            let oldKeys = keys, oldValues = values
            keys = [Int](repeating: -1, count: oldKeys.count * 2)
            values = [Int](repeating: 0, count: oldKeys.count * 2)
            count = 0
            for (slot, oldKey) in oldKeys.enumerated() where oldKey >= 0 { insert(oldKey, oldValues[slot]) }
        }
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while keys[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }
}
