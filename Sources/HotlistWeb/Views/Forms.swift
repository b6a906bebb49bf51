import HotlistCore

/// Pieces of forms. Every form that changes something carries the CSRF token.
enum Forms {
    static func csrf(_ token: String?) -> SafeHTML {
        "<input type=\"hidden\" name=\"\(CSRFMiddleware.field)\" value=\"\(token ?? "")\">"
    }

    /// A one-button form (sign out, revoke, disable…).
    static func postButton(_ action: String, label: String, csrf token: String?, id: String? = nil, hidden: [(String, String)] = [], style: String = "") -> SafeHTML {
        let fields = hidden.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as SafeHTML }.joined()
        let idText = id.map { " id=\"\($0)\"" as SafeHTML } ?? ""
        return "<form class=\"inline\" method=\"post\" action=\"\(action)\"\(idText)>\(csrf(token))\(fields)<button type=\"submit\" class=\"\(style)\">\(label)</button></form>"
    }

    /// How a message box reads: good news, a warning, or an error (which screen readers announce at once).
    enum MessageKind: String, Sendable {
        case notice, warning, error
    }

    /// A message box.
    static func message(_ text: String?, kind: MessageKind = .notice) -> SafeHTML {
        guard let text, !text.isEmpty else { return "" }
        return "<p class=\"message message-\(kind.rawValue)\" role=\"\(kind == .error ? "alert" : "status")\">\(text)</p>"
    }

    /// Problems with what was typed, each naming its field.
    static func problems(_ problems: [InputProblem]) -> SafeHTML {
        guard !problems.isEmpty else { return "" }
        let items = problems.map { problem -> SafeHTML in
            // Where in an uploaded file, when the problem is about a line of it.
            let place: SafeHTML = problem.line > 0 ? " <span class=\"hint\">(\(problem.location))</span>" : ""
            let lead: SafeHTML = problem.field.map { "<strong>\($0)</strong>\(place): " } ?? (place.isEmpty ? "" : "\(place): ")
            return "<li>\(lead)\(problem.problem). \(problem.hint)</li>"
        }.joined()
        return "<div class=\"message message-error\" role=\"alert\"><p>Nothing was saved. Please fix:</p><ul>\(items)</ul></div>"
    }

    static func roleSelect(name: String, selected: Role, id: String) -> SafeHTML {
        let options = Role.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == selected ? " selected" : "")>\($0.label)</option>" as SafeHTML }.joined()
        return "<select name=\"\(name)\" id=\"\(id)\">\(options)</select>"
    }
}
