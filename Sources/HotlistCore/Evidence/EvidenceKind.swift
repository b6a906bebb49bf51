/// The kinds of file a records response brings, recognised from their bytes. The name a file
/// arrives with is only checked against what the bytes say, never trusted on its own.
public enum EvidenceKind: String, Sendable, CaseIterable, Codable {
    case pdf, png, jpeg, csv, xlsx, zip, eml

    public var label: String {
        switch self {
        case .pdf: "PDF document"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .csv: "CSV table"
        case .xlsx: "Excel workbook (XLSX)"
        case .zip: "ZIP archive"
        case .eml: "email message (EML)"
        }
    }

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .zip: "application/zip"
        case .eml: "message/rfc822"
        }
    }

    /// Extensions a file of this kind may carry.
    public var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .csv: ["csv", "txt"]
        case .xlsx: ["xlsx"]
        case .zip: ["zip"]
        case .eml: ["eml"]
        }
    }

    public var isImage: Bool { self == .png || self == .jpeg }

    /// The kind the bytes show, from the start of the file (the first 64 KiB are plenty), or nil
    /// when they are none of the accepted kinds.
    public static func sniff<Bytes: Collection>(_ head: Bytes) -> EvidenceKind? where Bytes.Element == UInt8 {
        let bytes = Array(head.prefix(65_536))
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes[0..<magic.count]) == magic }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            // An XLSX workbook is a ZIP whose entries live under xl/.
            return contains(bytes, Array("xl/".utf8)) && contains(bytes, Array("[Content_Types].xml".utf8)) ? .xlsx : .zip
        }
        guard let text = textPrefix(bytes) else { return nil }
        if looksLikeEmail(text) { return .eml }
        return looksLikeTable(text) ? .csv : nil
    }

    /// The kind a file name claims, from its extension.
    public static func claimed(byName name: String) -> EvidenceKind? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return allCases.first { $0.extensions.contains(ext) }
    }

    /// "pdf, png, jpg, jpeg, …": for messages.
    public static var acceptedExtensions: String { allCases.flatMap(\.extensions).joined(separator: ", ") }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<start + needle.count]) == needle { return true }
        }
        return false
    }

    /// The bytes as text, if they are UTF-8 without NUL bytes (the cut at 64 KiB may split a character).
    private static func textPrefix(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        var body = bytes
        for _ in 0..<4 {
            if let text = String(validating: body, as: UTF8.self) { return text }
            if body.isEmpty { return nil }
            body.removeLast()
        }
        return nil
    }

    /// RFC 5322 header lines at the top: "Name: value", including one of the headers every message has.
    private static func looksLikeEmail(_ text: String) -> Bool {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(40)
        var names: Set<String> = []
        for line in lines {
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t" { continue }
            guard let colon = line.firstIndex(of: ":") else { return false }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
            names.insert(name.lowercased())
        }
        return names.contains("from") && (names.contains("date") || names.contains("subject") || names.contains("message-id") || names.contains("received"))
    }

    /// Printable text with a comma, tab or semicolon separated first line.
    private static func looksLikeTable(_ text: String) -> Bool {
        let controls = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }
        guard controls.isEmpty, let first = text.split(whereSeparator: \.isNewline).first else { return false }
        return first.contains(",") || first.contains("\t") || first.contains(";")
    }
}
