import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting
#if canImport(Glibc)
import Glibc
#endif

/// The generated API routes take their bodies as a stream; the limit must hold there too, whether
/// the body declares its length or arrives in chunks, and nothing may be stored.
@Suite struct APIBodyLimitTests {
    @Test(arguments: TestBackend.available)
    func anOversizedBodyIsRefusedWithOrWithoutALength(backend: TestBackend) async throws {
        try await withFixtureApp(backend, maxBodySize: 64 * 1_024) { app, db in
            // setup: a running server (the in-memory tester hands over bodies already collected).
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let json = #"{"agency_id": \#(sparks), "requester_name": "V", "requester_email": "v@example.org", "letter": ""#
                + String(repeating: "x", count: 200 * 1_024) + #""}"#
            let head = "POST /api/v1/requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nConnection: close\r\n"
            // MUT: declared length, then chunked (no length).
            let declared = try await RawHTTP.status(app, port: port, Array((head + "Content-Length: \(json.utf8.count)\r\n\r\n" + json).utf8))
            var chunked = Array((head + "Transfer-Encoding: chunked\r\n\r\n").utf8)
            for chunk in Array(json.utf8).chunked(into: 8_192) { chunked += Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + Array("\r\n".utf8) }
            chunked += Array("0\r\n\r\n".utf8)
            let streamed = try await RawHTTP.status(app, port: port, chunked)
            // A small chunked body still goes through.
            let small = #"{"agency_id": \#(sparks), "requester_name": "V", "requester_email": "v@example.org"}"#
            let fine = try await RawHTTP.status(app, port: port, Array((head + "Transfer-Encoding: chunked\r\n\r\n" + String(small.utf8.count, radix: 16) + "\r\n" + small + "\r\n0\r\n\r\n").utf8))
            await app.server.shutdown()
            // validate
            #expect(declared == 413)
            #expect(streamed == 413)
            #expect(fine == 201)
            #expect(try await RequestStore(db).list(try RequestFilter.parse([:], limit: 100)).count == 1, "only the small request is stored")
        }
    }
}

/// A bare HTTP/1.1 exchange over a socket, for bodies no test client sends (chunked, oversized).
enum RawHTTP {
    /// On the app's thread pool: the socket calls block.
    static func status(_ app: Application, port: Int, _ bytes: [UInt8]) async throws -> Int {
        try await app.threadPool.runIfActive { try status(port: port, bytes) }
    }

    static func status(port: Int, _ bytes: [UInt8]) throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Abort(.internalServerError, reason: "no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw Abort(.internalServerError, reason: "cannot connect to port \(port)") }
        // The server may answer and close before the body is all sent: stop sending then, without SIGPIPE.
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while !String(decoding: received, as: UTF8.self).contains("\r\n") {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        // "HTTP/1.1 413 Payload Too Large"
        let line = String(decoding: received, as: UTF8.self).split(separator: "\r\n").first ?? ""
        guard let code = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { throw Abort(.internalServerError, reason: "no status line in \(line)") }
        return code
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
