import Foundation
import HotlistCore
import ZIPFoundation

/// Unpacks a records package into memory, refusing it whole at the first entry that is unsafe or
/// too big: a path out of the package, a folder or link, a name used twice, more entries than the
/// limit, or an entry or the total that inflates past its limit (counted while inflating, since a
/// ZIP's declared sizes can lie).
enum RecordsPackageArchive {
    static func unpack(_ path: String, limits: RecordsPackage.Limits) throws(InputProblems) -> [String: Data] {
        let name = (path as NSString).lastPathComponent
        func refuse(_ entry: String?, _ problem: String, _ hint: String = "Ask the sender for a new export; nothing was stored.") -> InputProblems {
            InputProblems([InputProblem(file: entry.map { "\(name) (\($0))" } ?? name, problem: problem, hint: hint)])
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw refuse(nil, "this is not a ZIP archive", "Name the .zip that hotlistwatch package export wrote.")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        var declared: UInt64 = 0
        for entry in archive {
            guard entries.count < limits.maxEntries else { throw refuse(nil, "the package has more than \(limits.maxEntries) entries") }
            let entryName = entry.path
            if let problem = RecordsPackage.nameProblem(entryName) { throw refuse(entryName, problem) }
            guard entry.type == .file else { throw refuse(entryName, "the entry is a folder or a link; a package holds only files") }
            guard seen.insert(entryName).inserted else { throw refuse(entryName, "two entries have this name") }
            guard entry.uncompressedSize <= UInt64(limits.maxEntryBytes) else {
                throw refuse(entryName, "the entry unpacks to more than \(ByteSize.describe(limits.maxEntryBytes))")
            }
            declared += entry.uncompressedSize
            guard declared <= UInt64(limits.maxTotalBytes) else { throw refuse(entryName, "the package unpacks to more than \(ByteSize.describe(limits.maxTotalBytes))") }
            entries.append(entry)
        }
        var result: [String: Data] = [:]
        var total = 0
        for entry in entries {
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    total += chunk.count
                    if data.count > limits.maxEntryBytes || total > limits.maxTotalBytes { throw CocoaError(.fileReadTooLarge) }
                }
            } catch let error as CocoaError where error.code == .fileReadTooLarge {
                throw refuse(entry.path, "the entry unpacks to more than its limit (\(ByteSize.describe(limits.maxEntryBytes)) each, \(ByteSize.describe(limits.maxTotalBytes)) in all)")
            } catch {
                throw refuse(entry.path, "the entry cannot be unpacked (\(error.localizedDescription))")
            }
            result[entry.path] = data
        }
        return result
    }
}
