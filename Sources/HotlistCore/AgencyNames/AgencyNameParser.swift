import Foundation

/// Reads the state, agency type and place out of the free-form agency names
/// used by ALPR vendors ("Adrian MI PD", "Allegan County SO MI",
/// "AL - Troy University - Insight", "Metro East Auto Theft (IL)").
///
/// The state is only filled in when the name says it plainly; a wrong state
/// would put an agency on the wrong map, so anything doubtful is left
/// unresolved with a reason a person can act on.
public enum AgencyNameParser: Sendable {
    /// Reasons given in `ParsedAgencyName.unresolvedReason`.
    public enum Reason: Sendable {
        public static let emptyName = "empty name"
        public static let vendorDemoOrTest = "vendor, demo or test account"
        public static let placeholder = "placeholder or do-not-use account"
        public static let noState = "no state in the name"
        public static func conflictingStates(_ codes: [String]) -> String {
            let count = codes.count == 2 ? "two" : "\(codes.count)"
            return "\(count) different state codes (\(codes.sorted().joined(separator: ", ")))"
        }
    }

    public static func parse(_ name: String) -> ParsedAgencyName {
        let allTokens = AgencyNameToken.tokenize(name)
        guard allTokens.contains(where: \.isWord) else {
            return ParsedAgencyName(state: nil, kind: .other, place: nil, unresolvedReason: Reason.emptyName)
        }
        if isVendorDemoOrTestAccount(allTokens) {
            return ParsedAgencyName(state: nil, kind: .other, place: nil, unresolvedReason: Reason.vendorDemoOrTest)
        }
        let tokens = removingDoNotUseMarkers(allTokens)
        // "Z Do not use", "DNU": nothing is left once the marker is gone.
        guard tokens.contains(where: { $0.isWord && $0.key.count >= 2 }) else {
            return ParsedAgencyName(state: nil, kind: .other, place: nil, unresolvedReason: Reason.placeholder)
        }

        let signals = stateSignals(in: tokens)
        let codes = resolvedCodes(signals.codes, tokens: tokens)
        let classification = classify(tokens, endsWithSheriffDepartment: signals.endsWithSheriffDepartment)
        let usedCodeTokens = Set(signals.codes.filter { !$0.isFullName }.map(\.tokenIndex))
        var place = self.place(in: name, tokens: tokens, kind: classification.kind, codeTokenIndices: usedCodeTokens)
        // "Ohio DPS": the state named in full is the jurisdiction, not a
        // place ("Washington IL PD" and "New York NY PD" keep theirs).
        if let candidate = place, USState.byName(candidate) != nil, !signals.codes.contains(where: { !$0.isFullName }) {
            place = nil
        }
        var kind = classification.kind
        // "Texas Department of Public Safety", "AZ - Department of Public
        // Safety": a DPS with no town in front is the state's own police.
        if classification.isPublicSafetyDepartment, place == nil, codes.count == 1 {
            kind = .statePolice
        }

        switch codes.count {
        case 0:
            return ParsedAgencyName(state: nil, kind: kind, place: place, unresolvedReason: Reason.noState)
        case 1:
            return ParsedAgencyName(state: codes[0], kind: kind, place: place, unresolvedReason: nil)
        default:
            return ParsedAgencyName(state: nil, kind: kind, place: place,
                                    unresolvedReason: Reason.conflictingStates(codes))
        }
    }

    // MARK: - Vendor, demo and placeholder accounts

    /// ALPR vendors whose own staff accounts appear in sharing lists.
    private static let vendorWords: Set<String> = [
        "flock", "axon", "genetec", "ubicquia", "skycop", "ontic", "motorola", "vigilant", "rekor",
    ]
    private static let vendorPhrases: [[String]] = [["flock", "safety"], ["flock", "training"], ["verra", "mobility"]]
    private static let demoOrTestWords: Set<String> = [
        "demo", "test", "testing", "example", "sandbox", "walkthrough",
    ]
    /// "LE Training" is the vendor's name for practice accounts; plain
    /// "Training" is not listed because real training academies exist.
    private static let demoOrTestPhrases: [[String]] = [["le", "training"]]
    /// Individual people's accounts seen in the data, which carry no agency.
    private static let knownPersonalAccounts: Set<String> = ["lynne drake"]

    static func isVendorDemoOrTestAccount(_ tokens: [AgencyNameToken]) -> Bool {
        let keys = tokens.filter(\.isWord).map(\.key)
        // Vendor accounts lead with the vendor's name; elsewhere the word
        // can be a real town ("Little Flock AR PD").
        if let first = keys.first, vendorWords.contains(first) { return true }
        if keys.contains(where: { demoOrTestWords.contains($0) }) { return true }
        if (vendorPhrases + demoOrTestPhrases).contains(where: { keys.containsPhrase($0) }) { return true }
        return knownPersonalAccounts.contains(keys.joined(separator: " "))
    }

    /// Markers that say an account is a duplicate or retired. They say
    /// nothing about where the agency is (and "NOT IN USE" would otherwise
    /// read as Indiana), so they are removed before anything else is read.
    private static let doNotUsePhrases: [[String]] = [
        ["do", "not", "use"], ["don't", "use"], ["dont", "use"], ["not", "in", "use"],
        ["duplicate", "account"], ["duplicate"], ["dnu"], ["delete"], ["inactive"],
    ]

    static func removingDoNotUseMarkers(_ tokens: [AgencyNameToken]) -> [AgencyNameToken] {
        var removed = Set<Int>()
        let wordIndices = tokens.indices.filter { tokens[$0].isWord }
        for phrase in doNotUsePhrases {
            var start = 0
            while start + phrase.count <= wordIndices.count {
                let window = wordIndices[start..<(start + phrase.count)]
                if zip(window, phrase).allSatisfy({ tokens[$0.0].key == $0.1 }), window.allSatisfy({ !removed.contains($0) }) {
                    removed.formUnion(window)
                    start += phrase.count
                } else {
                    start += 1
                }
            }
        }
        return tokens.indices.filter { !removed.contains($0) }.map { tokens[$0] }
    }

    // MARK: - State

    struct CodeSignal {
        let code: String
        let tokenIndex: Int
        /// A state named in full ("Georgia Bureau of Investigation"); its
        /// words stay part of the place ("University of Iowa").
        var isFullName = false
    }

    struct StateSignals {
        /// State codes written as codes, plus states named in full in one of
        /// the trusted patterns (token index of the name's first word).
        var codes: [CodeSignal] = []
        /// "Riverside County CA SD": an SD right after a state code is the
        /// Sheriff's Department, not South Dakota.
        var endsWithSheriffDepartment = false
    }

    /// Codes like "In", "Co" or "La" are ordinary words or abbreviations,
    /// so the mixed-case form is only trusted for the others.
    private static let ambiguousMixedCaseCodes: Set<String> = [
        "co", "in", "or", "me", "ok", "hi", "de", "la", "oh", "al", "id", "pa", "ma", "mo",
    ]
    private static let agencySuffixKeys: Set<String> = ["pd", "so"]

    static func stateSignals(in tokens: [AgencyNameToken]) -> StateSignals {
        var signals = StateSignals()
        let firstWordIndex = tokens.firstIndex(where: \.isWord)
        let lastOutsideWordIndex = tokens.lastIndex(where: { $0.isWord && !$0.isInsideParentheses })
        for index in tokens.indices where tokens[index].isWord {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let previous = index > 0 ? tokens[index - 1] : nil
            if token.isTwoUppercaseLetters, let state = USState.byCode(token.bareText) {
                // "LA County" is Los Angeles County.
                if state.code == "LA", next?.key == "county" { continue }
                // "UT Health", "UT Southwestern": University of Texas; Utah
                // is written "UT - North Ogden PD" or at the end.
                if state.code == "UT", index == firstWordIndex, next?.isWord == true { continue }
                if state.code == "SD", let previous, previous.isTwoUppercaseLetters,
                   previous.bareText != "SD", USState.byCode(previous.bareText) != nil {
                    signals.endsWithSheriffDepartment = true
                    continue
                }
                signals.codes.append(CodeSignal(code: state.code, tokenIndex: index))
            } else if isMixedCaseCode(token), let next, next.isWord, agencySuffixKeys.contains(next.key),
                      index + 1 == lastOutsideWordIndex, let state = USState.byCode(token.bareText) {
                // "Crestview Fl PD": the state's usual slot, just before PD/SO.
                signals.codes.append(CodeSignal(code: state.code, tokenIndex: index))
            }
        }
        signals.codes += fullNameSignals(in: tokens)
        return signals
    }

    private static func isMixedCaseCode(_ token: AgencyNameToken) -> Bool {
        let scalars = Array(token.bareText.unicodeScalars)
        guard scalars.count == 2, CharacterSet.uppercaseLetters.contains(scalars[0]),
              CharacterSet.lowercaseLetters.contains(scalars[1]) else { return false }
        return !ambiguousMixedCaseCodes.contains(token.key)
    }

    /// Distinct codes in order of appearance, after setting aside "CO" used
    /// as "County" ("Reeves CO TX SO", "Wagoner CO SO OK") when another
    /// state is named.
    static func resolvedCodes(_ signals: [CodeSignal], tokens: [AgencyNameToken]) -> [String] {
        var kept = signals
        if Set(kept.map(\.code)).count > 1 {
            kept.removeAll { signal in
                guard signal.code == "CO", !signal.isFullName, signal.tokenIndex > 0 else { return false }
                let previous = tokens[signal.tokenIndex - 1]
                return previous.isWord && previous.key != "county" && !previous.isTwoUppercaseLetters
                    && previous.text.first?.isUppercase == true
            }
        }
        var codes: [String] = []
        for signal in kept where !codes.contains(signal.code) { codes.append(signal.code) }
        return codes
    }

    // MARK: Full state names

    /// Full state names as lowercase word sequences, longest first so that
    /// "West Virginia" wins over "Virginia".
    private static let stateNamesByWords: [(words: [String], state: USState)] =
        USState.all.map { (words: $0.name.lowercased().split(separator: " ").map(String.init), state: $0) }
            .sorted { $0.words.count > $1.words.count }

    private static let directionalWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "middle",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "upper", "lower",
    ]
    /// What may follow a state name for it to mean the state's own
    /// government ("Georgia Bureau of Investigation", "Ohio DPS").
    private static let stateGovernmentWords: Set<String> = [
        "state", "highway", "bureau", "department", "dept", "office", "division", "attorney", "dps",
        "law", "alcohol", "alcoholic", "wildlife", "parks", "information", "fusion", "drug", "hidta",
        "statewide", "dotd", "dot", "dmv", "national", "financial", "medical", "gaming", "lottery",
        "commission", "board", "capitol", "emergency", "homeland", "insurance", "revenue", "corrections",
        "supreme", "parole", "probation", "tech",
    ]
    private static let institutionWords: Set<String> = ["university", "college", "polytechnic", "institute"]
    /// Words that turn a state name into a town or county name
    /// ("Kansas City", "Washington County", "Delaware Valley").
    private static let placeMakingWords: Set<String> = [
        "city", "county", "township", "twp", "parish", "valley", "beach", "springs", "falls", "river",
        "heights", "park", "village", "town", "borough",
    ]
    private static let prefixesBeforeStateName: [[String]] = [
        ["university", "of"], ["univ", "of"], ["attorney", "general", "of"], ["state", "of"], ["commonwealth", "of"],
    ]

    /// A state named in full counts only at the start of the name (or of a
    /// " - " part) and only in forms that cannot be a town: "Delaware State
    /// Police", "University of Iowa", "Middle Georgia State University".
    /// Elsewhere a state name is too often part of a place ("Washington
    /// County", "Kansas City", "Tennessee Valley Authority").
    static func fullNameSignals(in tokens: [AgencyNameToken]) -> [CodeSignal] {
        let words = tokens.indices.filter { tokens[$0].isWord && !tokens[$0].isInsideParentheses }
        var starts: [Int] = []
        if !words.isEmpty { starts.append(0) }
        for (position, tokenIndex) in words.enumerated() where position > 0 {
            if tokens[(words[position - 1] + 1)..<tokenIndex].contains(where: { $0.role == .dash }) {
                starts.append(position)
            }
        }
        let keys = words.map { tokens[$0].key }
        var signals: [CodeSignal] = []
        for start in starts {
            if let (state, _) = matchFullName(keys: keys, words: words, tokens: tokens, at: start) {
                signals.append(CodeSignal(code: state.code, tokenIndex: words[start], isFullName: true))
            }
        }
        return signals
    }

    /// `keys[position...]` against the trusted full-name patterns.
    private static func matchFullName(keys: [String], words: [Int], tokens: [AgencyNameToken], at position: Int) -> (USState, Int)? {
        for prefix in prefixesBeforeStateName where keys.hasPhrase(prefix, at: position) {
            var cursor = position + prefix.count
            if stateName(in: keys, at: cursor) == nil, cursor < keys.count, directionalWords.contains(keys[cursor]) {
                cursor += 1
            }
            if let (state, length) = stateName(in: keys, at: cursor) { return (state, cursor + length) }
            return nil
        }
        if let (state, length) = stateName(in: keys, at: position) {
            let after = position + length
            guard after < keys.count else { return nil }
            return continuationMeansState(state, keys: keys, words: words, tokens: tokens, at: after) ? (state, after) : nil
        }
        // "Middle Georgia State University", "Northeast Ohio Regional
        // Fusion Center": a region of the state, unless it is a town
        // ("North Kansas City").
        if position < keys.count, directionalWords.contains(keys[position]),
           let (state, length) = stateName(in: keys, at: position + 1) {
            let after = position + 1 + length
            if after < keys.count, placeMakingWords.contains(keys[after]) { return nil }
            return (state, after)
        }
        return nil
    }

    private static func stateName(in keys: [String], at position: Int) -> (USState, Int)? {
        for entry in stateNamesByWords where keys.hasPhrase(entry.words, at: position) {
            return (entry.state, entry.words.count)
        }
        return nil
    }

    private static func continuationMeansState(_ state: USState, keys: [String], words: [Int],
                                               tokens: [AgencyNameToken], at position: Int) -> Bool {
        let next = keys[position]
        if placeMakingWords.contains(next) { return false }
        if stateGovernmentWords.contains(next) { return true }
        // "Washington University" is in St. Louis, "Washington College" in
        // Maryland: Washington only counts with a government word.
        let isWashington = state.code == "WA"
        if institutionWords.contains(next) { return !isWashington }
        // State agencies' acronyms start with the state's initial: "Kansas KBI".
        let token = tokens[words[position]]
        if token.isAllCaps(minimumLetters: 3), token.text.first == state.name.first { return true }
        // "Georgia Southern University", "Texas Christian University".
        if !isWashington {
            for gap in 1...2 where position + gap < keys.count {
                let between = (position..<(position + gap))
                guard between.allSatisfy({ tokens[words[$0]].text.first?.isUppercase == true
                    && !placeMakingWords.contains(keys[$0]) }) else { break }
                if institutionWords.contains(keys[position + gap]) { return true }
            }
        }
        return false
    }

    // MARK: - Kind

    struct Classification {
        var kind: AgencyKind
        /// Police department only by way of "DPS" / "Department of Public
        /// Safety", which at state level is the state police.
        var isPublicSafetyDepartment = false
    }

    static func classify(_ tokens: [AgencyNameToken], endsWithSheriffDepartment: Bool) -> Classification {
        let outside = tokens.filter { $0.isWord && !$0.isInsideParentheses }
        if let classification = classify(words: outside, endsWithSheriffDepartment: endsWithSheriffDepartment) {
            return classification
        }
        // "Sringfield IL (PD)": the type only appears in parentheses.
        let insideKeys = tokens.filter { $0.isWord && $0.isInsideParentheses }.map(\.key)
        if insideKeys.contains(where: { sheriffKeys.contains($0) }) { return Classification(kind: .sheriffsOffice) }
        if insideKeys.contains(where: { $0 == "pd" || $0 == "police" }) { return Classification(kind: .policeDepartment) }
        return Classification(kind: .other)
    }

    private static let universityKeys: Set<String> = ["university", "univ", "college", "campus", "polytechnic"]
    private static let townAfterInstitutionWordKeys: Set<String> = [
        "park", "city", "hill", "heights", "place", "station", "grove", "circle",
    ]
    private static let taskForcePhrases: [[String]] = [
        ["task", "force"], ["taskforce"], ["tf"], ["dtf"], ["strike", "force"], ["auto", "theft"],
        ["drug", "enforcement"], ["hidta"], ["rtcc"], ["fusion", "center"], ["narcotics"],
    ]
    private static let statePolicePhrases: [[String]] = [["state", "police"], ["highway", "patrol"], ["state", "patrol"]]
    private static let sheriffKeys: Set<String> = ["so", "cso", "sheriff", "sheriff's", "sheriffs", "lasd"]
    private static let publicSafetyPhrases: [[String]] = [
        ["dps"], ["department", "of", "public", "safety"], ["dept", "of", "public", "safety"],
        ["public", "safety", "department"],
    ]

    private static func classify(words: [AgencyNameToken], endsWithSheriffDepartment: Bool) -> Classification? {
        // Trailing digits mark numbered duplicates: "Grant County AR SO1".
        let keys = words.map { $0.key.trimmingCharacters(in: .decimalDigits) }
        // "Town of Rutherford College" is a town, not a college.
        let namesATown = keys.count > 1 && jurisdictionStartKeys.contains(keys[0]) && keys[1] == "of"
        // "College Park", "University City", "North College Hill" are towns.
        let hasInstitutionWord = keys.indices.contains { index in
            universityKeys.contains(keys[index])
                && !(index + 1 < keys.count && townAfterInstitutionWordKeys.contains(keys[index + 1]))
        }
        let isUniversity = !namesATown && hasInstitutionWord
            || keys.containsPhrase(["cal", "state"])
            || keys.containsPhrase(["institute", "of", "technology"])
            || words.contains(where: { $0.text.hasPrefix("UNC") && $0.isAllCaps(minimumLetters: 3) && $0.text.count <= 5 })
            || words.contains(where: { $0.text == "CSU" })
            || words.dropLast().contains(where: { $0.text == "UC" })
            || keys.indices.dropFirst().contains(where: { keys[$0] == "tech" && USState.byName(keys[$0 - 1]) != nil })
        if isUniversity { return Classification(kind: .university) }
        if taskForcePhrases.contains(where: { keys.containsPhrase($0) }) { return Classification(kind: .taskForce) }
        if statePolicePhrases.contains(where: { keys.containsPhrase($0) }) { return Classification(kind: .statePolice) }
        if endsWithSheriffDepartment || keys.contains(where: { sheriffKeys.contains($0) }) {
            return Classification(kind: .sheriffsOffice)
        }
        if keys.contains(where: { $0 == "pd" || $0 == "police" }) { return Classification(kind: .policeDepartment) }
        if publicSafetyPhrases.contains(where: { keys.containsPhrase($0) }) {
            return Classification(kind: .policeDepartment, isPublicSafetyDepartment: true)
        }
        return nil
    }

    // MARK: - Place

    /// Words that name the agency type rather than the place, stripped from
    /// the end of a place ("Allegan County SO" → "Allegan County").
    private static let trailingTypeKeys: Set<String> = [
        "pd", "so", "sd", "cso", "dps", "police", "sheriff", "sheriff's", "sheriffs", "campus",
        "department", "dept", "office", "public", "safety", "regional",
    ]
    /// Product or account labels after a dash: "Troy University - Insight".
    private static let accountLabelKeys: Set<String> = [
        "insight", "omnia", "flex", "mobile", "raven", "condor", "original", "old", "trailer",
    ]
    private static let jurisdictionEndKeys: Set<String> = [
        "county", "co", "parish", "city", "township", "twp", "borough", "village", "town",
    ]
    private static let jurisdictionStartKeys: Set<String> = ["city", "town", "village", "township", "borough"]

    /// The town, county or institution: the part of the name before the
    /// state code (or after a leading one), without the agency-type words.
    static func place(in name: String, tokens: [AgencyNameToken], kind: AgencyKind, codeTokenIndices: Set<Int>) -> String? {
        if kind == .statePolice { return nil }
        var kept = tokens.indices.filter { !tokens[$0].isInsideParentheses
            && tokens[$0].role != .openParenthesis && tokens[$0].role != .closeParenthesis }
        func isSeparator(_ index: Int) -> Bool { !tokens[index].isWord }
        var codeTokenIndices = codeTokenIndices
        // "GA State University PD": a leading code with no dash after it is
        // part of a university's name.
        if kind == .university, let first = kept.first, codeTokenIndices.contains(first),
           kept.count > 1, tokens[kept[1]].isWord {
            codeTokenIndices.remove(first)
        }
        // Leading "CO - " and trailing " - NC" / " MI".
        while let first = kept.first, codeTokenIndices.contains(first) || isSeparator(first) { kept.removeFirst() }
        while let last = kept.last, codeTokenIndices.contains(last) || isSeparator(last) { kept.removeLast() }
        // A code in the middle ends the place: "Riverside County CA District
        // Attorney". Universities keep it when it is part of their name:
        // "Univ. of TX - Arlington PD".
        if let middle = kept.firstIndex(where: { codeTokenIndices.contains($0) }) {
            let before = Array(kept[..<middle])
            let partOfName = kind == .university && before.last.map { ["of", "at"].contains(tokens[$0].key) } == true
            if !partOfName {
                kept = before.isEmpty ? kept[(middle + 1)...].filter { !codeTokenIndices.contains($0) } : before
            }
        }
        // Trailing " - Insight" style labels.
        while let dash = kept.lastIndex(where: { tokens[$0].role == .dash }) {
            let label = kept[(dash + 1)...].filter { tokens[$0].isWord }
            let isLabel = label.allSatisfy { accountLabelKeys.contains(tokens[$0].key) }
                || (label.count == 1 && tokens[label[0]].isAllCaps(minimumLetters: 3))
            guard isLabel, dash > 0 else { break }
            kept = Array(kept[..<dash])
        }
        while let last = kept.last {
            let key = tokens[last].key.trimmingCharacters(in: .decimalDigits)
            if isSeparator(last) || trailingTypeKeys.contains(key) || key == "and" || key == "&" {
                kept.removeLast()
            } else if key == "of", kept.count >= 2, ["department", "dept", "division"].contains(tokens[kept[kept.count - 2]].key) {
                kept.removeLast(2)
            } else {
                break
            }
        }
        while let first = kept.first, isSeparator(first) { kept.removeFirst() }
        guard let first = kept.first else { return nil }

        if kind == .taskForce || kind == .other {
            // Only trust a real jurisdiction here; the rest of such names is
            // usually the agency's own title ("Metro East Auto Theft"), so
            // "Orange County DA Office" keeps just "Orange County".
            let startsWithJurisdiction = jurisdictionStartKeys.contains(tokens[first].key)
                && kept.count > 1 && tokens[kept[1]].key == "of"
            if !startsWithJurisdiction {
                guard let lastJurisdiction = kept.lastIndex(where: { jurisdictionEndKeys.contains(tokens[$0].key) }),
                      lastJurisdiction > 0 else { return nil }
                // "CAC - Suffolk County": the jurisdiction starts after the last dash.
                let start = kept[..<lastJurisdiction].lastIndex(where: { tokens[$0].role == .dash }).map { $0 + 1 } ?? 0
                guard start < lastJurisdiction else { return nil }
                kept = Array(kept[start...lastJurisdiction])
            }
        }
        // Rebuild from the original text so spelling and inner punctuation
        // survive; a gap left by removed tokens becomes one space.
        var text = ""
        for (position, index) in kept.enumerated() {
            if position > 0 {
                let previous = kept[position - 1]
                if previous + 1 == index {
                    let between = name[tokens[previous].range.upperBound..<tokens[index].range.lowerBound]
                    text += between.isEmpty ? "" : " "
                } else {
                    text += " "
                }
            }
            text += tokens[index].text
        }
        return text
    }
}
