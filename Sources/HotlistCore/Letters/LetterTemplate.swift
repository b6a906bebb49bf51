import Foundation

/// A letter with `{{variable}}` placeholders. Rendering refuses an unknown variable, an empty one
/// and a broken placeholder, naming the line: a letter must never go out with a silent blank.
public struct LetterTemplate: Sendable, Equatable {
    public var name: String
    public var subject: String
    public var body: String

    public init(name: String, subject: String, body: String) {
        self.name = name; self.subject = subject; self.body = body
    }

    /// Variable names the template uses, in order of first use.
    public func variables() throws(InputProblems) -> [String] {
        var seen: [String] = []
        for piece in try Self.pieces(subject, part: "subject", template: name) + Self.pieces(body, part: "body", template: name) {
            if case .variable(let variable, _) = piece, !seen.contains(variable) { seen.append(variable) }
        }
        return seen
    }

    public func render(_ values: [String: String]) throws(InputProblems) -> (subject: String, body: String) {
        var problems: [InputProblem] = []
        func fill(_ text: String, part: String) -> String {
            let pieces: [Piece]
            do { pieces = try Self.pieces(text, part: part, template: name) } catch { problems += error.problems; return "" }
            var result = ""
            for piece in pieces {
                switch piece {
                case .text(let literal): result += literal
                case .variable(let variable, let line):
                    guard LetterVariable(rawValue: variable) != nil else {
                        problems.append(InputProblem(file: "\(name) (\(part))", line: line, field: variable, problem: "{{\(variable)}} is not a letter variable",
                                                     hint: "Known variables: \(LetterVariable.allCases.map(\.rawValue).joined(separator: ", "))."))
                        continue
                    }
                    let value = values[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    if value.isEmpty && LetterVariable(rawValue: variable)!.mayBeEmpty {
                        result += Self.optionalMarker
                        continue
                    }
                    if value.isEmpty {
                        problems.append(InputProblem(file: "\(name) (\(part))", line: line, field: variable, problem: "{{\(variable)}} has no value for this letter",
                                                     hint: LetterVariable(rawValue: variable)!.whereToFill))
                        continue
                    }
                    result += value
                }
            }
            return result
        }
        let subject = Self.dropEmptyOptionals(fill(self.subject, part: "subject")), body = Self.dropEmptyOptionals(fill(self.body, part: "body"))
        if !problems.isEmpty { throw InputProblems(problems) }
        return (subject, body)
    }

    /// Stands for an empty optional variable until the text is complete; never in typed text.
    static let optionalMarker = "\u{1F}"

    /// Removes empty optional variables; a line that held nothing else goes with its line break.
    static func dropEmptyOptionals(_ text: String) -> String {
        guard text.contains(optionalMarker) else { return text }
        let lines = text.components(separatedBy: "\n")
        var kept: [String] = []
        for line in lines {
            if line.contains(optionalMarker) && line.replacingOccurrences(of: optionalMarker, with: "").trimmingCharacters(in: .whitespaces).isEmpty {
                // A paragraph made of the optional sentence alone: drop it and the blank line before it.
                if kept.last?.isEmpty == true { kept.removeLast() }
                continue
            }
            kept.append(line.replacingOccurrences(of: optionalMarker, with: ""))
        }
        return kept.joined(separator: "\n")
    }

    enum Piece: Equatable { case text(String), variable(String, line: Int) }

    static func pieces(_ text: String, part: String, template: String) throws(InputProblems) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        var line = 1
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            pieces.append(.text(String(before)))
            line += before.filter { $0 == "\n" }.count
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                throw InputProblems([InputProblem(file: "\(template) (\(part))", line: line, problem: "a placeholder opens with {{ but never closes",
                                                  hint: "Write variables as {{agency_name}}.")])
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains("{"), !name.contains("\n") else {
                throw InputProblems([InputProblem(file: "\(template) (\(part))", line: line, problem: "\"{{\(name)}}\" is not a placeholder",
                                                  hint: "Write variables as {{agency_name}}, one name between the braces.")])
            }
            pieces.append(.variable(name, line: line))
            rest = afterOpen[close.upperBound...]
        }
        if let stray = rest.range(of: "}}") {
            let strayLine = line + rest[..<stray.lowerBound].filter { $0 == "\n" }.count
            throw InputProblems([InputProblem(file: "\(template) (\(part))", line: strayLine, problem: "a placeholder closes with }} but never opened",
                                              hint: "Write variables as {{agency_name}}.")])
        }
        pieces.append(.text(String(rest)))
        return pieces
    }
}
