/// What a new password must be. Long rather than clever (NIST SP 800-63B): at least 10 characters,
/// at most 72 bytes because bcrypt ignores anything after that.
public enum PasswordPolicy {
    public static let minimumCharacters = 10
    public static let maximumBytes = 72

    public static func problems(_ password: String, email: String? = nil, field: String = "password") -> [InputProblem] {
        var problems: [InputProblem] = []
        func add(_ problem: String, _ hint: String) { problems.append(InputProblem(file: "input", field: field, problem: problem, hint: hint)) }
        if password.count < minimumCharacters {
            add("the password has \(password.count) characters; it needs at least \(minimumCharacters)", "Use a longer password; a few unrelated words work well.")
        }
        if password.utf8.count > maximumBytes {
            add("the password is \(password.utf8.count) bytes long; at most \(maximumBytes) are used", "Use a shorter password.")
        }
        if let email, !email.isEmpty, password.lowercased() == email.lowercased() {
            add("the password is the email address", "Choose something else.")
        }
        if Set(password).count == 1 && !password.isEmpty {
            add("the password repeats one character", "Choose something harder to guess.")
        }
        return problems
    }

    public static func validate(_ password: String, email: String? = nil, field: String = "password") throws {
        let found = problems(password, email: email, field: field)
        if !found.isEmpty { throw InputProblems(found) }
    }
}
