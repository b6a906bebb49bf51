import Foundation

/// What a search reason is about. A reason no rule matches is `ordinary`.
public enum ReasonCategory: String, Sendable, CaseIterable, Codable, Comparable {
    case immigration
    case protest
    case reproductiveHealth = "reproductive-health"
    case otherSensitive = "other-sensitive"
    case ordinary

    /// Position in `allCases` as a bit (a switch: this runs once per row).
    var bit: UInt8 {
        switch self {
        case .immigration: 1
        case .protest: 2
        case .reproductiveHealth: 4
        case .otherSensitive: 8
        case .ordinary: 16
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The categories in a bit set, in declaration order; `ordinary` when empty.
    static func from(bits: UInt8) -> [ReasonCategory] {
        bits == 0 ? [.ordinary] : allCases.filter { bits & $0.bit != 0 }
    }
}

/// One rule of `reason-rules.txt`.
public struct ReasonRule: Sendable, Equatable {
    public let id: String
    public let category: ReasonCategory
    /// Alternatives, each a sequence of words; a word ending in `*` is a prefix.
    public let patterns: [String]
    public let exceptions: [String]
    public let note: String
}

/// The classification of one reason: its categories and the rules that matched, by id.
public struct ReasonClassification: Sendable, Equatable, Codable {
    public var categories: [ReasonCategory]
    public var rules: [String]
}

/// Sorts search reasons into categories with word-aware rules kept as data. Built for millions of
/// rows: a reason is split into lowercase words in one pass over its bytes, and only the rules whose
/// first word starts with a word's first two letters are tried on it.
public struct ReasonClassifier: Sendable {
    public let rules: [ReasonRule]

    struct PatternWord: Sendable {
        let bytes: [UInt8]
        let isPrefix: Bool
    }
    struct Alternative: Sendable {
        let rule: Int
        let words: [PatternWord]
    }
    private let alternatives: [Alternative]
    /// Per rule: word sequences that cancel a match they overlap.
    private let exceptions: [[[PatternWord]]]
    /// Alternatives by the first two bytes of their first word (the first byte and 0 for a one-letter
    /// word): those of key k are `byFirstLetters[letterOffsets[k]..<letterOffsets[k + 1]]`. A word
    /// whose two letters start no rule costs one table read.
    private let letterOffsets: [Int32]
    private let byFirstLetters: [Int32]
    private let categoryBits: [UInt8]

    /// The rules shipped with Hotlist Watch.
    public static let standard: ReasonClassifier = {
        // The shipped file is tested (ReasonClassifierTests); a mistake in it is a build-time bug.
        try! ReasonClassifier(rulesText: String(decoding: PackageResources.reason_rules_txt, as: UTF8.self), file: "reason-rules.txt")
    }()

    public init(rulesText: String, file: String) throws(InputProblem) {
        var rules: [ReasonRule] = []
        for (index, rawLine) in rulesText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 5 else {
                throw InputProblem(file: file, line: index + 1, problem: "a rule has \(parts.count) parts separated by |, not 5",
                                   hint: "Write: id | category | patterns | except | note.")
            }
            guard let category = ReasonCategory(rawValue: parts[1]), category != .ordinary else {
                throw InputProblem(file: file, line: index + 1, column: 2, problem: "\"\(parts[1])\" is not a category",
                                   hint: "Use immigration, protest, reproductive-health or other-sensitive.")
            }
            let list = { (text: String) in text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            guard !parts[0].isEmpty, !rules.contains(where: { $0.id == parts[0] }) else {
                throw InputProblem(file: file, line: index + 1, column: 1, problem: "rule id \"\(parts[0])\" is empty or used twice", hint: "Give each rule its own id.")
            }
            let patterns = list(parts[2])
            guard !patterns.isEmpty, patterns.allSatisfy({ !Self.words($0).isEmpty }) else {
                throw InputProblem(file: file, line: index + 1, column: 3, problem: "rule \(parts[0]) has an empty pattern", hint: "Write at least one word per pattern.")
            }
            rules.append(ReasonRule(id: parts[0], category: category, patterns: patterns, exceptions: list(parts[3]), note: parts[4]))
        }
        self.init(rules: rules)
    }

    public init(rules: [ReasonRule]) {
        self.rules = rules
        var alternatives: [Alternative] = []
        var byKey: [Int: [Int32]] = [:]
        for (ruleIndex, rule) in rules.enumerated() {
            for pattern in rule.patterns {
                let words = Self.words(pattern)
                guard let first = words.first else { continue }
                byKey[Self.letterKey(first.bytes[...]), default: []].append(Int32(alternatives.count))
                alternatives.append(Alternative(rule: ruleIndex, words: words))
            }
        }
        var offsets = [Int32](repeating: 0, count: 65_537)
        var flat: [Int32] = []
        for key in 0..<65_536 {
            offsets[key] = Int32(flat.count)
            flat += byKey[key] ?? []
        }
        offsets[65_536] = Int32(flat.count)
        self.alternatives = alternatives
        letterOffsets = offsets
        byFirstLetters = flat
        categoryBits = rules.map(\.category.bit)
        exceptions = rules.map { $0.exceptions.map(Self.words) }
    }

    // MARK: - Classifying

    /// Reusable working space, so classifying a row allocates nothing: grown to the longest reason
    /// seen, then only overwritten.
    public struct Scratch {
        var lowered: [UInt8] = []
        var wordStarts: [Int] = []
        var wordEnds: [Int] = []
        var wordCount = 0
        var matched: [Int] = []
        public init() {}
    }

    public func classify(_ text: String) -> ReasonClassification {
        var scratch = Scratch()
        let bits = Array(text.utf8).withUnsafeBufferPointer { classify($0, scratch: &scratch) }
        var seen = Set<String>()
        let ids = scratch.matched.map { rules[$0].id }.filter { seen.insert($0).inserted }
        return ReasonClassification(categories: ReasonCategory.from(bits: bits), rules: ids)
    }

    /// Categories of `bytes` as a bit set (0: ordinary); the rules that matched are left in `scratch.matched`.
    public func classify(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> UInt8 {
        if !scratch.matched.isEmpty { scratch.matched.removeAll(keepingCapacity: true) }
        if scratch.lowered.count < bytes.count {
            scratch.lowered = [UInt8](repeating: 0, count: bytes.count * 2)
            scratch.wordStarts = [Int](repeating: 0, count: bytes.count + 1)
            scratch.wordEnds = [Int](repeating: 0, count: bytes.count + 1)
        }
        // One pass: lowercase words, and whether any word's first two letters start a rule.
        var candidate = false
        var wordCount = 0
        let offsets = letterOffsets
        scratch.lowered.withUnsafeMutableBufferPointer { lowered in
            scratch.wordStarts.withUnsafeMutableBufferPointer { starts in
                scratch.wordEnds.withUnsafeMutableBufferPointer { ends in
                    var length = 0
                    var wordStart = -1
                    var firstTwo = 0
                    for byte in bytes {
                        let lower = byte &- 65 < 26 ? byte | 0x20 : byte
                        if lower &- 97 < 26 || lower &- 48 < 10 || lower >= 0x80 {
                            if wordStart < 0 {
                                wordStart = length
                                starts[wordCount] = length
                                firstTwo = Int(lower) << 8
                            } else if length - wordStart == 1 {
                                firstTwo |= Int(lower)
                            }
                            lowered[length] = lower
                            length += 1
                        } else if wordStart >= 0 {
                            wordStart = -1
                            ends[wordCount] = length
                            wordCount += 1
                            candidate = candidate || offsets[firstTwo] != offsets[firstTwo + 1]
                        }
                    }
                    if wordStart >= 0 {
                        ends[wordCount] = length
                        wordCount += 1
                        candidate = candidate || offsets[firstTwo] != offsets[firstTwo + 1]
                    }
                }
            }
        }
        scratch.wordCount = wordCount
        guard candidate else { return 0 }
        var bits: UInt8 = 0
        for wordIndex in 0..<wordCount {
            let key = Self.letterKey(scratch.lowered[scratch.wordStarts[wordIndex]..<scratch.wordEnds[wordIndex]])
            for slot in Int(offsets[key])..<Int(offsets[key + 1]) {
                let alternative = alternatives[Int(byFirstLetters[slot])]
                let rule = alternative.rule
                guard matches(alternative.words, at: wordIndex, scratch),
                      !exceptions[rule].contains(where: { overlaps($0, wordIndex, alternative.words.count, scratch) }) else { continue }
                bits |= categoryBits[rule]
                scratch.matched.append(rule)
            }
        }
        return bits
    }

    /// Whether the words of `pattern` follow one another from word `index`.
    private func matches(_ pattern: [PatternWord], at index: Int, _ scratch: Scratch) -> Bool {
        guard index + pattern.count <= scratch.wordCount else { return false }
        for (offset, patternWord) in pattern.enumerated() {
            let word = scratch.lowered[scratch.wordStarts[index + offset]..<scratch.wordEnds[index + offset]]
            if patternWord.isPrefix {
                guard word.count >= patternWord.bytes.count, word.prefix(patternWord.bytes.count).elementsEqual(patternWord.bytes) else { return false }
            } else {
                guard word.elementsEqual(patternWord.bytes) else { return false }
            }
        }
        return true
    }

    /// Whether `exception` matches somewhere covering any of the words index..<index+count.
    private func overlaps(_ exception: [PatternWord], _ index: Int, _ count: Int, _ scratch: Scratch) -> Bool {
        let first = max(0, index - exception.count + 1)
        let last = index + count - 1
        guard first <= last else { return false }
        return (first...last).contains { matches(exception, at: $0, scratch) }
    }

    // MARK: - Words

    static func words(_ pattern: String) -> [PatternWord] {
        var result: [PatternWord] = []
        var current: [UInt8] = []
        func flush(prefix: Bool) {
            if !current.isEmpty { result.append(PatternWord(bytes: current, isPrefix: prefix)) }
            current = []
        }
        for byte in pattern.lowercased().utf8 {
            if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte >= 0x80 {
                current.append(byte)
            } else {
                flush(prefix: byte == UInt8(ascii: "*"))
            }
        }
        flush(prefix: false)
        return result
    }

    static func letterKey(_ word: ArraySlice<UInt8>) -> Int {
        let first = Int(word[word.startIndex])
        let second = word.count > 1 ? Int(word[word.startIndex + 1]) : 0
        return first << 8 | second
    }
}
