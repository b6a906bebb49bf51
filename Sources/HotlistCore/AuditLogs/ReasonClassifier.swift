import Foundation

/// What a search reason is about. A reason no rule matches is `ordinary`.
public enum ReasonCategory: String, Sendable, CaseIterable, Codable, Comparable {
    case immigration
    case protest
    case reproductiveHealth = "reproductive-health"
    case otherSensitive = "other-sensitive"
    case ordinary

    var bit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self)!) }

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
/// rows: a reason is split into lowercase words in one pass over its bytes, and each word is checked
/// against a 64K-bit table of the first two letters any rule starts with before any rule is tried.
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
    /// First-word hash → alternatives starting with that word (prefix words hashed over their prefix).
    private let byFirstWord: [UInt64: [Int]]
    private let prefixLengths: [Int]
    /// Bit set over (first byte, second byte or 0) of every alternative's first word.
    private let firstLetters: [UInt64]

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
        var byFirstWord: [UInt64: [Int]] = [:]
        var prefixLengths = Set<Int>()
        var firstLetters = [UInt64](repeating: 0, count: 1024)
        for (ruleIndex, rule) in rules.enumerated() {
            for pattern in rule.patterns {
                let words = Self.words(pattern)
                guard let first = words.first else { continue }
                byFirstWord[Self.hash(first.bytes[...], prefix: first.isPrefix), default: []].append(alternatives.count)
                if first.isPrefix { prefixLengths.insert(first.bytes.count) }
                let key = Self.letterKey(first.bytes[...])
                firstLetters[key >> 6] |= 1 << UInt64(key & 63)
                alternatives.append(Alternative(rule: ruleIndex, words: words))
            }
        }
        self.alternatives = alternatives
        self.byFirstWord = byFirstWord
        self.prefixLengths = prefixLengths.sorted()
        self.firstLetters = firstLetters
        exceptions = rules.map { $0.exceptions.map(Self.words) }
    }

    // MARK: - Classifying

    /// Reusable working space, so classifying a row allocates nothing.
    public struct Scratch {
        var lowered: [UInt8] = []
        var wordStarts: [Int] = []
        var wordEnds: [Int] = []
        var matched: [Int] = []
        public init() {}
    }

    public func classify(_ text: String) -> ReasonClassification {
        var scratch = Scratch()
        var bytes = Array(text.utf8)
        let bits = bytes.withUnsafeMutableBufferPointer { classify(UnsafeBufferPointer($0), scratch: &scratch) }
        var seen = Set<String>()
        let ids = scratch.matched.map { rules[$0].id }.filter { seen.insert($0).inserted }
        bytes.removeAll()
        return ReasonClassification(categories: ReasonCategory.from(bits: bits), rules: ids)
    }

    /// Categories of `bytes` as a bit set (0: ordinary); the rules that matched are left in `scratch.matched`.
    public func classify(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> UInt8 {
        scratch.matched.removeAll(keepingCapacity: true)
        scratch.lowered.removeAll(keepingCapacity: true)
        scratch.wordStarts.removeAll(keepingCapacity: true)
        scratch.wordEnds.removeAll(keepingCapacity: true)
        var candidate = false
        var inWord = false
        for byte in bytes {
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            let isWordByte = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower >= 0x80
            if isWordByte {
                if !inWord { scratch.wordStarts.append(scratch.lowered.count); inWord = true }
                scratch.lowered.append(lower)
            } else if inWord {
                inWord = false
                scratch.wordEnds.append(scratch.lowered.count)
                candidate = candidate || mayStartRule(scratch.lowered, scratch.wordStarts[scratch.wordStarts.count - 1])
            }
        }
        if inWord {
            scratch.wordEnds.append(scratch.lowered.count)
            candidate = candidate || mayStartRule(scratch.lowered, scratch.wordStarts[scratch.wordStarts.count - 1])
        }
        guard candidate else { return 0 }
        var bits: UInt8 = 0
        let wordCount = scratch.wordStarts.count
        for wordIndex in 0..<wordCount {
            let start = scratch.wordStarts[wordIndex], end = scratch.wordEnds[wordIndex]
            let word = scratch.lowered[start..<end]
            guard mayStartRule(scratch.lowered, start) else { continue }
            var candidates: [Int] = byFirstWord[Self.hash(word, prefix: false)] ?? []
            for length in prefixLengths where length <= word.count {
                candidates += byFirstWord[Self.hash(word.prefix(length), prefix: true)] ?? []
            }
            for alternativeIndex in candidates {
                let alternative = alternatives[alternativeIndex]
                let rule = alternative.rule
                guard matches(alternative.words, at: wordIndex, scratch),
                      !exceptions[rule].contains(where: { overlaps($0, wordIndex, alternative.words.count, scratch) }) else { continue }
                bits |= rules[rule].category.bit
                scratch.matched.append(rule)
            }
        }
        return bits
    }

    private func mayStartRule(_ lowered: [UInt8], _ start: Int) -> Bool {
        let key = Self.letterKey(lowered[start...])
        return firstLetters[key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    /// Whether the words of `pattern` follow one another from word `index`.
    private func matches(_ pattern: [PatternWord], at index: Int, _ scratch: Scratch) -> Bool {
        guard index + pattern.count <= scratch.wordStarts.count else { return false }
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

    private static func letterKey(_ word: ArraySlice<UInt8>) -> Int {
        let first = Int(word[word.startIndex])
        let second = word.count > 1 ? Int(word[word.startIndex + 1]) : 0
        return first << 8 | second
    }

    /// FNV-1a, with prefix patterns kept apart from whole words.
    static func hash(_ bytes: ArraySlice<UInt8>, prefix: Bool) -> UInt64 {
        var value: UInt64 = prefix ? 0x9E37_79B9_7F4A_7C15 : 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
