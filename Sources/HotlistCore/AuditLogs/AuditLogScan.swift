import Foundation

/// Counts searches in audit-log records by searching organisation, month and category, reading
/// only the cells that question needs, straight from the reader's bytes.
public final class AuditLogScan {
    public let classifier: ReasonClassifier
    public var summary: AuditLogSummary { tally.summary }
    /// Called for each row with a category other than ordinary: the record, its columns, the
    /// categories and the ids of the rules that matched. Set, it keeps a scan on one core (rows in order).
    public var onFlagged: ((AuditLogRecord, AuditLogColumns, [ReasonCategory], [String]) -> Void)?
    /// Everything a row changes, in one struct: a row is one access to it, not one per counter.
    private var tally: AuditLogTally
    /// Files whose second half was read on another core and kept (tests check the split happens).
    private(set) var secondHalvesKept = 0

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
        let limits = AuditLogReaderLimits(chunkBytes: chunkBytes, maxRecordBytes: maxRecordBytes, maxFieldBytes: maxFieldBytes)
        try scanCSV(file: file, fileBytes: fileBytes, open: { _ throws(InputProblem) in source }, split: nil, limits: limits, progress: progress)
    }

    /// Scans one CSV export that can be opened at any byte (a file on disk, or bytes in memory),
    /// on two cores when it is large: the second reader starts at a line feed near the middle, and
    /// its counts are kept only if the first reader, reading on, lands on a record start the second
    /// one found (a line feed inside a quoted cell is no record start; the readers then agree from
    /// the next true one). Otherwise the first reader reads to the end alone. Either way the summary
    /// is the one a single reader makes. `split` forces where the second half starts (tests).
    public func scanCSV(file: String, fileBytes: Int, open: (Int) throws(InputProblem) -> any AuditLogByteSource,
                        split: AuditLogSplit? = AuditLogSplit(), limits: AuditLogReaderLimits = AuditLogReaderLimits(),
                        progress: ((Int, Int) -> Void)? = nil) throws(InputProblem) {
        let reader = AuditLogCSVReader(file: file, source: try open(0), chunkBytes: limits.chunkBytes,
                                       maxRecordBytes: limits.maxRecordBytes, maxFieldBytes: limits.maxFieldBytes)
        var columns: AuditLogColumns?
        // A Bool per row, not a look at the optional columns (that copies them).
        var haveHeader = false
        var headerProblem: InputProblem?
        var secondHalf: AuditLogSecondHalf?
        let onFlagged = onFlagged
        let splitAt = split.flatMap { onFlagged == nil && fileBytes >= $0.minimumBytes ? ($0.offset ?? fileBytes / 2) : nil }
        tally.begin(file)
        try reader.forEachRecord({ (record: AuditLogRecord) throws(InputProblem) in
            guard haveHeader else {
                do throws(InputProblem) {
                    let header = try AuditLogColumns(header: (0..<record.fieldCount).map(record.text), file: file)
                    columns = header
                    haveHeader = true
                    tally.use(header)
                    if let splitAt, let split {
                        secondHalf = try AuditLogSecondHalf.start(file: file, at: splitAt, fileBytes: fileBytes, open: open, columns: header,
                                                                  classifier: classifier, limits: limits, syncWindowBytes: split.syncWindowBytes)
                        reader.stopOffset = secondHalf?.firstRecord
                    }
                } catch { headerProblem = error; throw error }
                return
            }
            tally.add(record, onFlagged: onFlagged)
            if self.tally.fileRowsRead & 0xFFFF == 0, let progress {
                let (rows, bytes) = secondHalf?.progress ?? (0, 0)
                progress(self.tally.fileRowsRead + rows, reader.bytesRead + bytes)
            }
        }, skipped: { skip in
            self.tally.skip(skip.kind.rawValue, line: skip.line, column: skip.column, detail: skip.detail)
        })
        if let headerProblem { throw headerProblem }
        guard columns != nil else {
            throw InputProblem(file: file, line: 1, problem: "the file is empty",
                               hint: "Export the audit log again; the first line must be its header (ID, Name, Org Name, …, Reason, …).")
        }
        if let secondHalf {
            let other = try secondHalf.finish()
            if reader.stoppedAtOffset {
                tally.absorb(other, lineShift: reader.currentLine - secondHalf.firstLine)
                secondHalvesKept += 1
            }
        }
        tally.finish(format: "csv", bytes: fileBytes)
    }

    /// Scans the rows of a worksheet (an .xlsx export): the first row is the header.
    public func scanRows(file: String, rows: [(number: Int, cells: [String])], fileBytes: Int) throws(InputProblem) {
        guard let header = rows.first else {
            throw InputProblem(file: file, line: 1, problem: "the worksheet is empty", hint: "Export the audit log again, or as CSV.")
        }
        tally.begin(file)
        tally.use(try AuditLogColumns(header: header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, file: file))
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
                    tally.add(record, padded: true, onFlagged: onFlagged)
                }
            }
        }
        tally.finish(format: "xlsx", bytes: fileBytes)
    }

}

/// The read sizes and limits of a CSV reader (see `AuditLogCSVReader`).
public struct AuditLogReaderLimits: Sendable {
    public var chunkBytes = AuditLogCSVReader.defaultChunkBytes
    public var maxRecordBytes = AuditLogCSVReader.defaultMaxRecordBytes
    public var maxFieldBytes = AuditLogCSVReader.defaultMaxFieldBytes
    public init() {}
    public init(chunkBytes: Int, maxRecordBytes: Int, maxFieldBytes: Int) {
        (self.chunkBytes, self.maxRecordBytes, self.maxFieldBytes) = (chunkBytes, maxRecordBytes, maxFieldBytes)
    }
}

/// When and where a CSV scan uses a second core.
public struct AuditLogSplit: Sendable {
    /// Smaller files are read on one core: a thread costs more than it saves.
    public var minimumBytes = 16 << 20
    /// Where the second half starts (the next line feed after it); nil: the middle.
    public var offset: Int?
    /// The second reader's first records, inside this many bytes, are only for finding a true record start.
    public var syncWindowBytes = 64 << 10
    public init() {}
    public init(minimumBytes: Int, offset: Int?, syncWindowBytes: Int) {
        (self.minimumBytes, self.offset, self.syncWindowBytes) = (minimumBytes, offset, syncWindowBytes)
    }
}

/// The second half of a file, scanned on another thread into its own tally.
final class AuditLogSecondHalf: @unchecked Sendable {
    /// Where the second reader's first counted record starts, and its line as that reader counts lines.
    let firstRecord: Int
    let firstLine: Int
    private let reader: AuditLogCSVReader
    private var tally: AuditLogTally
    private var failure: InputProblem?
    private let done = DispatchGroup()
    private let lock = NSLock()
    private var shared = (rows: 0, bytes: 0)

    private init(reader: AuditLogCSVReader, tally: AuditLogTally, firstRecord: Int) {
        self.reader = reader
        self.tally = tally
        self.firstRecord = firstRecord
        firstLine = reader.currentLine
    }

    /// Rows and bytes read so far (updated every 64K rows).
    var progress: (Int, Int) { lock.withLock { shared } }

    /// Finds the second half's first record and starts scanning it; nil when the file has no line
    /// feed after `offset`, or no record starts in it past the window.
    static func start(file: String, at offset: Int, fileBytes: Int, open: (Int) throws(InputProblem) -> any AuditLogByteSource,
                      columns: AuditLogColumns, classifier: ReasonClassifier, limits: AuditLogReaderLimits,
                      syncWindowBytes: Int) throws(InputProblem) -> AuditLogSecondHalf? {
        guard offset > 0, offset < fileBytes else { return nil }
        var probe = try open(offset)
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
        defer { head.deallocate() }
        let count = try probe.read(into: head)
        guard let lineFeed = head.prefix(count).firstIndex(of: UInt8(ascii: "\n")), offset + lineFeed + 1 < fileBytes else { return nil }
        let start = offset + lineFeed + 1
        let reader = AuditLogCSVReader(file: file, source: try open(start), chunkBytes: limits.chunkBytes, maxRecordBytes: limits.maxRecordBytes,
                                       maxFieldBytes: limits.maxFieldBytes, startOffset: start)
        guard let firstRecord = try reader.skipRecords(before: start + syncWindowBytes) else { return nil }
        var tally = AuditLogTally(classifier: classifier)
        tally.isSecondHalf = true
        tally.begin(file)
        tally.use(columns)
        let half = AuditLogSecondHalf(reader: reader, tally: tally, firstRecord: firstRecord)
        DispatchQueue.global().async(group: half.done) { half.run() }
        return half
    }

    private func run() {
        do throws(InputProblem) {
            try reader.forEachRecord({ (record: AuditLogRecord) throws(Never) in
                tally.add(record, onFlagged: nil)
                if tally.fileRowsRead & 0xFFFF == 0 {
                    let update = (tally.fileRowsRead, reader.bytesRead)
                    lock.withLock { shared = update }
                }
            }, skipped: { skip in
                self.tally.skip(skip.kind.rawValue, line: skip.line, column: skip.column, detail: skip.detail)
            })
        } catch {
            failure = error
        }
    }

    /// Waits for the scan to end; its tally, or the read error it met.
    func finish() throws(InputProblem) -> AuditLogTally {
        done.wait()
        if let failure { throw failure }
        return tally
    }
}

/// Which cell of a row holds what the tally reads, as plain numbers (-1: no such column), so a row
/// copies no arrays or sets.
struct AuditLogColumnIndexes {
    var count = 0, reason = 0, searchTime = 0, organization = -1, networks = -1, devices = -1, offenseType = -1
    init() {}
    init(_ columns: AuditLogColumns) {
        count = columns.header.count
        reason = columns.reason
        searchTime = columns.searchTime
        organization = columns.organization ?? -1
        networks = columns.networks ?? -1
        devices = columns.devices ?? -1
        offenseType = columns.offenseType ?? -1
    }
}

/// The counts of a scan so far, and the working space a row needs.
struct AuditLogTally {
    let classifier: ReasonClassifier
    var summary = AuditLogSummary()
    private var scratch = ReasonClassifier.Scratch()
    private var reasonCache = ReasonCache()
    private var organizations = ByteInterner()
    /// Latin-1 warnings about an organisation's name, given once per organisation: a second half
    /// drops its own for names the first half already saw (`absorb`).
    private var organizationWarnings: [(organization: Int, warning: Int?)] = []
    private var keptOrganizationWarnings = 0
    /// Set on the tally of a second half (see `note`).
    var isSecondHalf = false
    /// (organisation, yyyymm, category) packed → index into `counts`.
    private var groupIndex = IntTable()
    private var counts: [(key: Int, searches: Int, networks: Int, devices: Int)] = []
    private var file = ""
    private var columns: AuditLogColumns?
    private var indexes = AuditLogColumnIndexes()
    private(set) var fileRowsRead = 0
    private var fileRowsSkipped = 0

    init(classifier: ReasonClassifier) { self.classifier = classifier }

    mutating func begin(_ file: String) {
        self.file = file
        fileRowsRead = 0
        fileRowsSkipped = 0
    }

    mutating func use(_ columns: AuditLogColumns) {
        self.columns = columns
        indexes = AuditLogColumnIndexes(columns)
    }

    mutating func finish(format: String, bytes: Int) {
        summary.files.append(.init(file: file, format: format, bytes: bytes, rowsRead: fileRowsRead, rowsSkipped: fileRowsSkipped))
        summary.rowsRead += fileRowsRead
        summary.rowsSkipped += fileRowsSkipped
        summary.groups = groups()
    }

    /// Adds the tally of the part of the file after this one's (same file): what a single reader
    /// would have counted. `lineShift` turns the other reader's line numbers into the file's.
    mutating func absorb(_ other: AuditLogTally, lineShift: Int) {
        fileRowsRead += other.fileRowsRead
        fileRowsSkipped += other.fileRowsSkipped
        summary.reasonsRedactedOrEmpty += other.summary.reasonsRedactedOrEmpty
        for (why, count) in other.summary.skippedBy { summary.skippedBy[why, default: 0] += count }
        var warningsBy = other.summary.warningsBy
        var dropped = Set<Int>()
        for (organization, warning) in other.organizationWarnings where organizations.contains(other.organizations.bytes(organization)) {
            warningsBy[Self.latin1, default: 0] -= 1
            if let warning { dropped.insert(warning) }
        }
        for (kind, count) in warningsBy where count > 0 { summary.warningsBy[kind, default: 0] += count }
        for (index, warning) in other.summary.warnings.enumerated() where !dropped.contains(index) {
            guard summary.warnings.count < AuditLogSummary.maxWarnings else { break }
            var shifted = warning
            shifted.line += lineShift
            summary.warnings.append(shifted)
        }
        let organizationMap = (0..<other.organizations.count).map { organizations.index(of: other.organizations.bytes($0)).index }
        for entry in other.counts {
            let key = organizationMap[entry.key >> 24] << 24 | (entry.key & 0xFF_FFFF)
            count(key, searches: entry.searches, networks: entry.networks, devices: entry.devices)
        }
    }

    // MARK: - Rows

    private static let redacted: [UInt8] = Array("***".utf8)
    private static let latin1 = "Latin-1 text"

    mutating func add(_ record: AuditLogRecord, padded: Bool = false,
                      onFlagged: ((AuditLogRecord, AuditLogColumns, [ReasonCategory], [String]) -> Void)?) {
        let columns = indexes
        let expected = columns.count
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
            let value = classifyCached(reason)
            bits = value & ReasonCache.categoryMask
            if value & ReasonCache.notUTF8 != 0 {
                warn(Self.latin1, line: record.line, column: columns.reason + 1, "the reason is not UTF-8; read as Latin-1")
            }
        }
        var offense = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        if columns.offenseType >= 0 {
            offense = Self.trimmed(record.bytes(columns.offenseType))
            if !offense.isEmpty { bits |= classifyCached(offense) & ReasonCache.categoryMask }
        }
        let organization = columns.organization >= 0 ? organizationIndex(record, column: columns.organization)
            : organizations.index(of: UnsafeBufferPointer(start: nil, count: 0)).index
        let month = monthKey(Self.trimmed(record.bytes(columns.searchTime)), line: record.line, column: columns.searchTime + 1)
        let networks = columns.networks >= 0 ? count(record, column: columns.networks) : 0
        let devices = columns.devices >= 0 ? count(record, column: columns.devices) : 0
        var remaining = bits == 0 ? ReasonCategory.ordinary.bit : bits
        var categoryIndex = 0
        while remaining != 0 {
            if remaining & 1 != 0 {
                count((organization << 24) | (month << 3) | categoryIndex, searches: 1, networks: networks, devices: devices)
            }
            remaining >>= 1
            categoryIndex += 1
        }
        if bits != 0, let onFlagged, let allColumns = self.columns {
            onFlagged(record, allColumns, ReasonCategory.from(bits: bits), matchedRules(reason, offense))
        }
    }

    /// Categories of a reason (or offense type), and whether it is not UTF-8, remembered for the
    /// reasons seen most: logs repeat the same few thousand reasons millions of times.
    private mutating func classifyCached(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let hash = ReasonCache.hash(bytes)
        if let value = reasonCache.value(of: bytes, hash: hash) { return value }
        var value = classifier.classify(bytes, scratch: &scratch)
        if bytes.contains(where: { $0 >= 0x80 }), !AuditLogText.isUTF8(bytes) { value |= ReasonCache.notUTF8 }
        reasonCache.store(bytes, hash: hash, value: value)
        return value
    }

    /// The ids of the rules that matched a flagged row's reason and offense type, each once.
    private mutating func matchedRules(_ reason: UnsafeBufferPointer<UInt8>, _ offense: UnsafeBufferPointer<UInt8>) -> [String] {
        var matched: [Int] = []
        for text in [reason, offense] where !text.isEmpty && !text.elementsEqual(Self.redacted) {
            _ = classifier.classify(text, scratch: &scratch)
            matched += scratch.matched
        }
        var seen = Set<String>()
        return matched.map { classifier.rules[$0].id }.filter { seen.insert($0).inserted }
    }

    private mutating func count(_ key: Int, searches: Int, networks: Int, devices: Int) {
        if let index = groupIndex[key] {
            counts[index].searches += searches
            counts[index].networks += networks
            counts[index].devices += devices
        } else {
            groupIndex.insert(key, counts.count)
            counts.append((key, searches, networks, devices))
        }
    }

    private mutating func organizationIndex(_ record: AuditLogRecord, column: Int) -> Int {
        let bytes = Self.trimmed(record.bytes(column))
        let (index, isNew) = organizations.index(of: bytes)
        if isNew, bytes.contains(where: { $0 >= 0x80 }), !AuditLogText.isUTF8(bytes) {
            let kept = summary.warnings.count
            warn(Self.latin1, line: record.line, column: column + 1, "the organisation name is not UTF-8; read as Latin-1")
            organizationWarnings.append((index, summary.warnings.count > kept ? kept : nil))
            if summary.warnings.count > kept { keptOrganizationWarnings += 1 }
        }
        return index
    }

    /// yyyymm from "2025-03-14…", "2025/03/14" or "3/14/2025 …"; 0 when unreadable.
    private mutating func monthKey(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Int {
        // The usual "2025-03-14…" read directly; otherwise three numbers separated by - or /.
        if bytes.count >= 8, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            let digits = (bytes[0] &- 48, bytes[1] &- 48, bytes[2] &- 48, bytes[3] &- 48, bytes[5] &- 48, bytes[6] &- 48)
            if digits.0 < 10, digits.1 < 10, digits.2 < 10, digits.3 < 10, digits.4 < 10, digits.5 < 10 {
                let year = Int(digits.0) * 1000 + Int(digits.1) * 100 + Int(digits.2) * 10 + Int(digits.3)
                let month = Int(digits.4) * 10 + Int(digits.5)
                if year >= 1990, year <= 2199, month >= 1, month <= 12 { return year * 100 + month }
            }
        }
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
        // A second half's warnings about names the first half may have seen do not count to the cap.
        let droppable = isSecondHalf ? keptOrganizationWarnings : 0
        guard summary.warnings.count - droppable < AuditLogSummary.maxWarnings else { return }
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

/// Byte strings → small integers, for organisation names: a row costs one hash and one compare
/// in an open-addressing table, and only a name seen for the first time becomes a String.
struct ByteInterner {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    /// The names' bytes one after another; name `i` ends at `ends[i]`.
    private var storage: [UInt8] = []
    private var ends: [Int] = []
    private(set) var names: [String] = []
    private var last = -1

    var count: Int { ends.count }

    func bytes(_ index: Int) -> ArraySlice<UInt8> { storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }

    func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { find($0, hash: ReasonCache.hash($0)).index != nil }
    }

    mutating func index(of bytes: ArraySlice<UInt8>) -> (index: Int, isNew: Bool) {
        bytes.withUnsafeBufferPointer { index(of: $0) }
    }

    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        if last >= 0, same(last, bytes) { return (last, false) }
        let hash = ReasonCache.hash(bytes)
        let (found, slot) = find(bytes, hash: hash)
        if let found {
            last = found
            return (found, false)
        }
        let index = ends.count
        storage.append(contentsOf: bytes)
        ends.append(storage.count)
        hashes.append(hash)
        names.append(AuditLogText.decode(bytes, unescapingQuotes: true))
        slots[slot] = Int32(index)
        last = index
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The index of `bytes` if stored, else the free slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] >= 0 {
            let candidate = Int(slots[slot])
            if hashes[candidate] == hash, same(candidate, bytes) { return (candidate, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    private func same(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == bytes.count else { return false }
        guard let other = bytes.baseAddress, !bytes.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, bytes.count) == 0 }
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

/// The categories of the reasons seen most, by their bytes: one slot per hash (a newer reason
/// replaces an older one), reasons up to `maxBytes` long. Fixed size whatever the file.
final class ReasonCache {
    static let slotCount = 8192
    static let maxBytes = 56
    static let categoryMask: UInt8 = 0x1F
    static let notUTF8: UInt8 = 0x80
    private let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: slotCount)
    private let lengths = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
    private let values = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount)
    private let texts = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * maxBytes)

    init() { lengths.initialize(repeating: -1, count: Self.slotCount) }

    deinit {
        hashes.deallocate()
        lengths.deallocate()
        values.deallocate()
        texts.deallocate()
    }

    func value(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt8? {
        let slot = Int(truncatingIfNeeded: hash >> 40) & (Self.slotCount - 1)
        guard lengths[slot] == Int32(truncatingIfNeeded: bytes.count), hashes[slot] == hash else { return nil }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return values[slot] }
        return memcmp(texts + slot * Self.maxBytes, base, bytes.count) == 0 ? values[slot] : nil
    }

    func store(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: UInt8) {
        guard bytes.count <= Self.maxBytes, let base = bytes.baseAddress else { return }
        let slot = Int(truncatingIfNeeded: hash >> 40) & (Self.slotCount - 1)
        hashes[slot] = hash
        lengths[slot] = Int32(bytes.count)
        values[slot] = value
        (texts + slot * Self.maxBytes).update(from: base, count: bytes.count)
    }

    /// A 64-bit hash, eight bytes at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        if index < bytes.count, bytes.count >= 8 {
            // The last eight bytes, overlapping the words already mixed in: no byte loop.
            tail = UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self)
        } else {
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
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
