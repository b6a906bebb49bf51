import HotlistCore

/// Pieces of forms. Every form that changes something carries the CSRF token.
enum Forms {
    static func csrf(_ token: String?) -> String {
        "<input type=\"hidden\" name=\"\(CSRFMiddleware.field)\" value=\"\(HTML.escape(token ?? ""))\">"
    }

    /// A one-button form (sign out, revoke, disable…).
    static func postButton(_ action: String, label: String, csrf token: String?, id: String? = nil, hidden: [(String, String)] = [], style: String = "") -> String {
        let fields = hidden.map { "<input type=\"hidden\" name=\"\(HTML.escape($0.0))\" value=\"\(HTML.escape($0.1))\">" }.joined()
        let idText = id.map { " id=\"\(HTML.escape($0))\"" } ?? ""
        return "<form class=\"inline\" method=\"post\" action=\"\(HTML.escape(action))\"\(idText)>\(csrf(token))\(fields)<button type=\"submit\" class=\"\(style)\">\(HTML.escape(label))</button></form>"
    }

    /// A message box: `kind` is "notice" (good news), "warning" or "error".
    static func message(_ text: String?, kind: String = "notice") -> String {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"message message-\(kind)\" role=\"\(kind == "error" ? "alert" : "status")\">\(HTML.escape(text))</p>"
    }

    /// Problems with what was typed, each naming its field.
    static func problems(_ problems: [InputProblem]) -> String {
        guard !problems.isEmpty else { return "" }
        let items = problems.map { problem -> String in
            // Where in an uploaded file, when the problem is about a line of it.
            let place = problem.line > 0 ? " <span class=\"hint\">(\(HTML.escape(problem.location)))</span>" : ""
            return "<li>\(problem.field.map { "<strong>\(HTML.escape($0))</strong>\(place): " } ?? (place.isEmpty ? "" : "\(place): "))\(HTML.escape(problem.problem)). \(HTML.escape(problem.hint))</li>"
        }.joined()
        return "<div class=\"message message-error\" role=\"alert\"><p>Nothing was saved. Please fix:</p><ul>\(items)</ul></div>"
    }

    static func roleSelect(name: String, selected: Role, id: String) -> String {
        let options = Role.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == selected ? " selected" : "")>\($0.label)</option>" }.joined()
        return "<select name=\"\(name)\" id=\"\(HTML.escape(id))\">\(options)</select>"
    }
}
