/// A rejected input, described for a person: what is wrong, where, and how to fix it.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based field number; 0 when not about one field.
    public var column: Int
    /// The header name of the field, when known.
    public var field: String?
    public var problem: String
    public var hint: String

    public init(file: String, line: Int = 0, column: Int = 0, field: String? = nil, problem: String, hint: String) {
        self.file = file; self.line = line; self.column = column; self.field = field
        self.problem = problem; self.hint = hint
    }

    public init(_ error: CSVError) {
        self.init(file: error.file, line: error.line, column: error.column, problem: error.problem, hint: error.hint)
    }

    public var location: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if column > 0 { text += ":\(column)" }
        return text
    }

    public var description: String {
        let fieldText = field.map { " (field \"\($0)\")" } ?? ""
        return "\(location)\(fieldText): \(problem). \(hint)"
    }
}

/// Several problems found in one pass, so a user can fix them all at once.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]
    public init(_ problems: [InputProblem]) { self.problems = problems }
    public var description: String {
        let shown = problems.prefix(20).map(\.description)
        let more = problems.count > 20 ? ["… and \(problems.count - 20) more problems"] : []
        return (shown + more).joined(separator: "\n")
    }
}
