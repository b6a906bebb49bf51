import Foundation
import HotlistCore

/// Reads a new password from a terminal prompt (typed twice, not echoed) or, when input is not a
/// terminal, from the first line of standard input. Never from an argument: those end up in shell
/// history and in `ps`.
enum PasswordInput {
    static func read(email: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = try prompt("New password for \(email) (at least \(PasswordPolicy.minimumCharacters) characters): ")
            try PasswordPolicy.validate(first, email: email)
            let second = try prompt("Repeat it: ")
            guard first == second else { throw CommandFailure("the two passwords differ; nothing was changed.") }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandFailure("no password on standard input. Pipe it in (for example from a password manager) or run the command in a terminal to be asked.")
        }
        try PasswordPolicy.validate(line, email: email)
        return line
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password was typed; nothing was changed.") }
        return line
    }
}
