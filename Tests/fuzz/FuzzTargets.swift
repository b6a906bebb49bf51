// libFuzzer entry point for the parsers that read what strangers send: compiled by scripts/fuzz
// together with the HotlistCore sources into one module (so internal readers are reachable),
// with -sanitize=fuzzer,address. FUZZ_TARGET picks the parser; each input must never crash, hang
// or grow memory without bound, whatever it holds.
import Foundation

enum FuzzTarget: String, CaseIterable {
    case json, csv, agencyList = "agency-list", privateEyes = "private-eyes", referenceData = "reference-data"
    case actionLog = "action-log", auditLog = "audit-log", xlsxSheet = "xlsx-sheet", jpeg, png, evidenceKind = "evidence-kind", form, hitLog = "hit-log"
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ pointer: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: pointer, count: size))
    let data = Data(bytes)
    switch target {
    case .json:
        _ = try? StrictJSON.parse(bytes)
    case .csv:
        if let table = try? CSVTable.parse(data: data, file: "fuzz.csv", maxFieldBytes: 4_096) {
            _ = table.rows.count
        }
    case .agencyList:
        if let table = try? CSVTable.parse(data: data, file: "fuzz.csv") { _ = try? AgencyListFile.parse(table) }
    case .privateEyes:
        // The first byte picks which of the six files the rest is read as.
        guard let first = bytes.first, let table = try? CSVTable.parse(data: Data(bytes.dropFirst()), file: "fuzz.csv") else { return 0 }
        var dataset = PrivateEyesDataset()
        let known: Set<String> = ["1", "2", "3"]
        switch first % 6 {
        case 0: try? dataset.readAgencies(table); dataset.applyPortalFacts()
        case 1: try? dataset.readUsage(table)
        case 2: try? dataset.readPolicies(table)
        case 3: try? dataset.readAccess(table, known: known)
        case 4: try? dataset.readURLStatus(table, known: known)
        default: try? dataset.readSurvey(table, known: known)
        }
    case .referenceData:
        guard let first = bytes.first, let table = try? CSVTable.parse(data: Data(bytes.dropFirst()), file: "fuzz.csv") else { return 0 }
        switch first % 5 {
        case 0: _ = try? ReferenceDataReader.ncicTopics(table)
        case 1: _ = try? ReferenceDataReader.stateRecordsLaws(table)
        case 2: _ = try? ReferenceDataReader.stateRestrictionLaws(table)
        case 3: _ = try? ReferenceDataReader.holidays(table)
        default: _ = try? ReferenceDataReader.deadlineRollovers(table)
        }
    case .hitLog:
        _ = try? HitLog.parse(csv: data, file: "fuzz.csv")
        _ = HitLog.day(String(decoding: bytes.prefix(80), as: UTF8.self))
    case .actionLog:
        _ = try? HotlistActionLog.parse(data: data, file: "fuzz.csv")
    case .auditLog:
        // The first byte picks the read size, so quotes and line breaks land on every chunk boundary.
        guard let first = bytes.first else { return 0 }
        let body = Array(bytes.dropFirst())
        let scan = AuditLogScan()
        scan.onFlagged = { record, columns, categories, rules in
            _ = AuditLogFlaggedRows.row(record, columns, file: "fuzz.csv", categories: categories, rules: rules)
        }
        _ = try? scan.scanCSV(file: "fuzz.csv", source: AuditLogDataSource(body), fileBytes: body.count,
                              chunkBytes: 1 + Int(first % 64), maxRecordBytes: 256 + Int(first), maxFieldBytes: 64)
        // Read in two halves from any split, the summary must be the one a single reader gives.
        let limits = AuditLogReaderLimits(chunkBytes: 1 + Int(first % 64), maxRecordBytes: 256 + Int(first), maxFieldBytes: 64)
        let single = AuditLogScan(), halves = AuditLogScan()
        let singleRead = (try? single.scanCSV(file: "fuzz.csv", fileBytes: body.count, open: { AuditLogDataSource(body, offset: $0) },
                                              split: nil, limits: limits)) != nil
        let split = AuditLogSplit(minimumBytes: 0, offset: body.count * Int(first) / 256, syncWindowBytes: Int(first % 8) * 16)
        let halvesRead = (try? halves.scanCSV(file: "fuzz.csv", fileBytes: body.count, open: { AuditLogDataSource(body, offset: $0) },
                                              split: split, limits: limits)) != nil
        precondition(singleRead == halvesRead && (!singleRead || single.summary == halves.summary), "two readers disagree with one")
        var scratch = ReasonClassifier.Scratch()
        body.withUnsafeBufferPointer { _ = ReasonClassifier.standard.classify($0, scratch: &scratch) }
    case .xlsxSheet:
        let strings = (try? XLSXSheet.sharedStrings(data)) ?? ["Timestamp", "User", "Event Type", "Entity Type", "Entity Details"]
        if let rows = try? XLSXSheet.rows(data, sharedStrings: strings, maxCells: 100_000) {
            _ = try? HotlistActionLog.parse(sheet: rows, file: "fuzz.xlsx")
            _ = try? HitLog.parse(sheet: rows, file: "fuzz.xlsx")
        }
    case .jpeg:
        if let cleaned = JPEGMetadata.stripped(bytes) {
            // Stripping is idempotent, and what it publishes has nothing left to strip.
            precondition(!JPEGMetadata.hasLocationCapableMetadata(cleaned) || cleaned.count == 0, "stripped JPEG still has metadata")
            precondition(JPEGMetadata.stripped(cleaned) == cleaned, "stripping twice changed the file")
        }
        _ = JPEGMetadata.hasLocationCapableMetadata(bytes)
    case .png:
        if let cleaned = PNGMetadata.stripped(bytes) { precondition(PNGMetadata.stripped(cleaned) == cleaned, "stripping twice changed the file") }
    case .evidenceKind:
        _ = EvidenceKind.sniff(bytes)
        _ = try? EvidenceIntake(maxBytes: 1 << 20).check(name: "upload.pdf", size: bytes.count, head: bytes)
    case .form:
        bytes.withUnsafeBytes { raw in
            _ = try? FormFieldScan.urlEncodedField("csrf_token", in: raw)
            _ = try? FormFieldScan.multipartField("csrf_token", in: raw, boundary: "XyZ")
        }
    }
    return 0
}
