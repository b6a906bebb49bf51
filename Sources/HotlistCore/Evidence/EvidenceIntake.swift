import Foundation

/// Decides whether a file may enter the evidence store, before a byte of it is kept: not empty,
/// within the size limit, one of the accepted kinds, and its name agreeing with its bytes.
public struct EvidenceIntake: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int

    public init(maxBytes: Int = 50 * 1024 * 1024) { self.maxBytes = maxBytes }

    /// The kind of the file, or every reason it is refused. `head` is the start of the file (64 KiB is enough).
    public func check<Bytes: Collection>(name: String, size: Int, head: Bytes) throws(InputProblems) -> EvidenceKind where Bytes.Element == UInt8 {
        var problems: [InputProblem] = []
        let file = name.isEmpty ? "upload" : name
        if size == 0 {
            problems.append(InputProblem(file: file, field: "file", problem: "the file is empty", hint: "Upload the file the agency sent, not an empty placeholder."))
        } else if size > maxBytes {
            problems.append(InputProblem(file: file, field: "file", problem: "the file is \(Self.describe(bytes: size)), over the limit of \(Self.describe(bytes: maxBytes))",
                                         hint: "Split it (for example one PDF per response) or ask an admin to raise the limit (--max-evidence-size)."))
        }
        guard problems.isEmpty else { throw InputProblems(problems) }
        guard let sniffed = EvidenceKind.sniff(head) else {
            throw InputProblems([InputProblem(file: file, field: "file", problem: "the bytes are not a file type the evidence store accepts",
                                              hint: "Accepted: PDF, PNG, JPEG, CSV, XLSX, ZIP and EML (\(EvidenceKind.acceptedExtensions)).")])
        }
        if let claimed = EvidenceKind.claimed(byName: name), claimed != sniffed {
            throw InputProblems([InputProblem(file: file, field: "file", problem: "the name says \(claimed.label) but the bytes are a \(sniffed.label)",
                                              hint: "Check that this is the file you meant; if it is, rename it to end in .\(sniffed.extensions[0]).")])
        }
        if EvidenceKind.claimed(byName: name) == nil, name.contains("."), !name.hasSuffix(".") {
            let ext = name.split(separator: ".").last.map(String.init) ?? ""
            throw InputProblems([InputProblem(file: file, field: "file", problem: "the extension .\(ext) does not match the file's bytes (\(sniffed.label))",
                                              hint: "Rename it to end in .\(sniffed.extensions[0]).")])
        }
        return sniffed
    }

    public static func describe(bytes: Int) -> String { ByteSize.describe(bytes) }
}
