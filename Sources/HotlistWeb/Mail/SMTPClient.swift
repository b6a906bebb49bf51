import Foundation
import HotlistCore
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321): EHLO, optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA, QUIT.
/// One message per connection; every step's answer is checked, and the first refusal is reported.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    public init(_ configuration: SMTPConfiguration) { self.configuration = configuration }

    public func send(_ message: EmailMessage) async throws {
        let configuration = self.configuration
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(configuration.timeout)))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.useTLS {
                            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: configuration.host))
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connection("\(configuration.host):\(configuration.port): \(error)")
        }
        // The whole conversation has one deadline; when it passes the connection is closed, which
        // ends any wait for an answer.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var session = Session(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                    try await session.expect(220, step: "the greeting")
                    try await session.command("EHLO \(configuration.clientName)", expect: 250, step: "EHLO")
                    if let username = configuration.username {
                        let secret = Data("\0\(username)\0\(configuration.password ?? "")".utf8).base64EncodedString()
                        try await session.command("AUTH PLAIN \(secret)", expect: 235, step: "sign-in (AUTH PLAIN)")
                    }
                    try await session.command("MAIL FROM:<\(message.from)>", expect: 250, step: "the sender \(message.from)")
                    try await session.command("RCPT TO:<\(message.to)>", expect: 250, step: "the recipient \(message.to)")
                    try await session.command("DATA", expect: 354, step: "DATA")
                    // Dot-stuffing: a line starting with "." gets another one (RFC 5321 §4.5.2).
                    let body = message.rfc5322.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
                    try await session.write(body + (body.hasSuffix("\r\n") ? "" : "\r\n") + ".\r\n")
                    try await session.expect(250, step: "the message")
                    try? await session.write("QUIT\r\n")
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(configuration.timeout * 1_000_000_000))
                channel.channel.close(promise: nil)
                throw SMTPError.timeout("after \(Int(configuration.timeout)) seconds")
            }
            do { try await group.next() } catch { group.cancelAll(); throw error }
            group.cancelAll()
        }
    }

    /// Reads replies line by line from the inbound stream.
    struct Session {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending = ""

        mutating func write(_ text: String) async throws {
            try await outbound.write(ByteBuffer(string: text))
        }

        mutating func command(_ text: String, expect code: Int, step: String) async throws {
            try await write(text + "\r\n")
            try await expect(code, step: step)
        }

        /// A reply may span lines ("250-…" … "250 …"); the last line ends it.
        mutating func expect(_ expected: Int, step: String) async throws {
            var message = ""
            while true {
                let line = try await nextLine(step: step)
                guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError.refused(step: step, code: 0, message: "unreadable answer \"\(line.prefix(80))\"") }
                message = String(line.dropFirst(4))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    guard code == expected else { throw SMTPError.refused(step: step, code: code, message: message) }
                    return
                }
            }
        }

        mutating func nextLine(step: String) async throws -> String {
            while true {
                if let range = pending.range(of: "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending.removeSubrange(..<range.upperBound)
                    return line
                }
                let chunk = try await inbound.next()
                guard let chunk else { throw SMTPError.connection("the server closed the connection during \(step)") }
                pending += String(buffer: chunk)
            }
        }
    }
}
