import Foundation

/// How well the classifier sorts a labelled set of reasons (one per line: reason TAB categories TAB
/// source; # starts a comment): precision and recall per sensitive category, and for "any sensitive
/// category", with the reasons it got wrong.
public struct ReasonEvaluation: Sendable, Codable, Equatable {
    public struct Score: Sendable, Codable, Equatable {
        /// A category's raw value, or "any sensitive".
        public var category: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        public var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }

        enum CodingKeys: String, CodingKey { case category, truePositives, falsePositives, falseNegatives, precision, recall }

        public init(category: String, truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            (self.category, self.truePositives, self.falsePositives, self.falseNegatives) = (category, truePositives, falsePositives, falseNegatives)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(category: try container.decode(String.self, forKey: .category), truePositives: try container.decode(Int.self, forKey: .truePositives),
                      falsePositives: try container.decode(Int.self, forKey: .falsePositives), falseNegatives: try container.decode(Int.self, forKey: .falseNegatives))
        }

        /// The counts, and precision and recall worked out from them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category, forKey: .category)
            try container.encode(truePositives, forKey: .truePositives)
            try container.encode(falsePositives, forKey: .falsePositives)
            try container.encode(falseNegatives, forKey: .falseNegatives)
            try container.encode(precision, forKey: .precision)
            try container.encode(recall, forKey: .recall)
        }
    }

    public struct Miss: Sendable, Codable, Equatable {
        public var line: Int
        public var reason: String
        public var expected: [ReasonCategory]
        public var got: [ReasonCategory]
    }

    public var reasons = 0
    public var scores: [Score] = []
    public var misses: [Miss] = []

    public static let anySensitive = "any sensitive"

    public init(labelled text: String, file: String, classifier: ReasonClassifier = .standard) throws(InputProblem) {
        let categories = ReasonCategory.allCases.filter { $0 != .ordinary }
        scores = categories.map { Score(category: $0.rawValue) } + [Score(category: Self.anySensitive)]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if trimmed.trimmingCharacters(in: .whitespaces).isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 2, !parts[0].isEmpty else {
                throw InputProblem(file: file, line: index + 1, problem: "a line has no tab between the reason and its categories",
                                   hint: "Write: reason<TAB>categories<TAB>source, categories separated by spaces (ordinary for none).")
            }
            var expected = Set<ReasonCategory>()
            for name in parts[1].split(separator: " ") {
                guard let category = ReasonCategory(rawValue: String(name)) else {
                    throw InputProblem(file: file, line: index + 1, column: 2, problem: "\"\(name)\" is not a category",
                                       hint: "Use \(ReasonCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                expected.insert(category)
            }
            expected.remove(.ordinary)
            let got = Set(classifier.classify(String(parts[0])).categories).subtracting([.ordinary])
            reasons += 1
            if expected != got {
                misses.append(Miss(line: index + 1, reason: String(parts[0]), expected: expected.isEmpty ? [.ordinary] : expected.sorted(),
                                   got: got.isEmpty ? [.ordinary] : got.sorted()))
            }
            for (position, category) in categories.enumerated() {
                scores[position].add(expected: expected.contains(category), got: got.contains(category))
            }
            scores[categories.count].add(expected: !expected.isEmpty, got: !got.isEmpty)
        }
    }

    /// One line per category and one per wrong reason, as the test output and the CLI print them.
    public var report: String {
        var text = "\(reasons) labelled reasons\n"
        for score in scores {
            text += "  \(score.category.padding(toLength: 20, withPad: " ", startingAt: 0))precision \(String(format: "%.3f", score.precision))  recall \(String(format: "%.3f", score.recall))"
                + "  (tp \(score.truePositives), fp \(score.falsePositives), fn \(score.falseNegatives))\n"
        }
        for miss in misses {
            text += "  line \(miss.line): \"\(miss.reason)\" expected \(miss.expected.map(\.rawValue).joined(separator: " ")), got \(miss.got.map(\.rawValue).joined(separator: " "))\n"
        }
        return text
    }

    public func score(_ category: String) -> Score? { scores.first { $0.category == category } }
}

extension ReasonEvaluation.Score {
    mutating func add(expected: Bool, got: Bool) {
        if expected && got { truePositives += 1 } else if got { falsePositives += 1 } else if expected { falseNegatives += 1 }
    }
}
