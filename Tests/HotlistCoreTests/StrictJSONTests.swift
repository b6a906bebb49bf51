import HotlistCore
import Testing

@Suite struct StrictJSONTests {
    static func parse(_ text: String) -> Result<StrictJSON, StrictJSON.SyntaxError> {
        Result { () throws(StrictJSON.SyntaxError) in try StrictJSON.parse(Array(text.utf8)) }
    }

    @Test func readsWhatJSONAllows() throws {
        let value = try StrictJSON.parse(Array(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#.utf8))
        #expect(value == .object([("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])), ("b", .string("x\"é😀\n"))]))
    }

    /// Issue 11, attack 10: what JSONSerialization let through.
    @Test func refusesWhatWeWouldOtherwiseGuess() {
        let cases: [(String, String)] = [
            (#"{"a": 1, "a": 2}"#, "the key \"a\" appears twice"),
            ("\u{FEFF}{}", "the body starts with a byte-order mark"),
            (#"{"a": 01}"#, "a number has a leading zero"),
            ("{\"a\": \"x\u{01}\"}", "a control character inside a string must be escaped"),
            (#"{"a": "\ud800"}"#, "a lone surrogate escape"),
            (#"{"a": tru}"#, "unexpected word (not true, false or null)"),
            (#"{"a": 1} x"#, "there is more after the JSON value"),
            (#"{"a": 1"#, "the object is not closed"),
            (String(repeating: "[", count: 40) + String(repeating: "]", count: 40), "values are nested more than 32 deep"),
            ("", "the body ends where a value should be"),
        ]
        for (text, problem) in cases {
            switch Self.parse(text) {
            case .success: Issue.record("accepted: \(text.debugDescription)")
            case .failure(let error): #expect(error.problem == problem, "\(text.debugDescription)")
            }
        }
        if case .failure(let error) = Self.parse(#"{"ab": 1, "ab": 2}"#) { #expect(error.offset == 10, "the offset points at the second key") }
    }
}
