import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an audit-log reader gets its bytes from: a file read a chunk at a time, or bytes already in
/// memory (tests, and worksheets turned into records).
public protocol AuditLogByteSource {
    /// Fills the start of `buffer`; returns how many bytes it wrote, 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputProblem) -> Int
}

/// A file read with plain `read(2)` into the reader's own buffer: no copy per chunk, nothing kept.
public final class AuditLogFileSource: AuditLogByteSource {
    private let handle: FileHandle
    private let path: String

    /// Opens `path` to read from byte `offset` on (a parallel scan's second half starts partway).
    public init(path: String, offset: Int = 0) throws(InputProblem) {
        self.path = path
        // Files and pipes (a log unzipped on the fly) stream; a device such as /dev/zero never ends.
        var status = stat()
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR { throw InputProblem(file: path, problem: "this is a folder, not an audit log", hint: "Name the exported CSV or XLSX file.") }
            if type == S_IFCHR || type == S_IFBLK {
                throw InputProblem(file: path, problem: "this is a device, not an audit log", hint: "Name the exported CSV or XLSX file.")
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputProblem(file: path, problem: "the file cannot be opened", hint: "Check the path and that you may read the file.")
        }
        self.handle = handle
        if offset > 0, lseek(handle.fileDescriptor, off_t(offset), SEEK_SET) < 0 {
            throw InputProblem(file: path, problem: "the file cannot be read from byte \(offset) (\(String(cString: strerror(errno))))",
                               hint: "Scan a regular file, not a pipe.")
        }
    }

    deinit { try? handle.close() }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputProblem) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(handle.fileDescriptor, base, buffer.count)
            #else
            let count = Darwin.read(handle.fileDescriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw InputProblem(file: path, problem: "reading the file failed (\(String(cString: strerror(errno))))",
                               hint: "Check that the file is readable and the disk is healthy.")
        }
    }
}

/// Bytes already in memory, handed out in chunks like a file.
public struct AuditLogDataSource: AuditLogByteSource {
    private let data: [UInt8]
    private var offset = 0

    public init(_ data: [UInt8], offset: Int = 0) {
        self.data = data
        self.offset = min(max(0, offset), data.count)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputProblem) -> Int {
        let count = min(buffer.count, data.count - offset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
