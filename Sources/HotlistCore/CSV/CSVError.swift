import Foundation

/// A problem found while reading a CSV file, pointing at the exact spot so a
/// person can open the file and fix it.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Display name of the file (usually the path it was read from).
    public let file: String
    /// 1-based physical line; 0 when the problem is about the file as a whole.
    public let line: Int
    /// 1-based field number within the record; 0 when not applicable.
    public let column: Int
    /// What is wrong, without a trailing period.
    public let problem: String
    /// How to fix it, as a full sentence.
    public let hint: String

    public init(file: String, line: Int, column: Int, problem: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.hint = hint
    }

    public var description: String { "\(file):\(line):\(column): \(problem). \(hint)" }
}
