/// Removes the PNG chunks that carry metadata rather than pixels (EXIF, which can hold a location;
/// text chunks, which can hold names and software; the modification time) before a screenshot is
/// published. Every other chunk is copied as it is, CRC included.
public enum PNGMetadata {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let droppedChunks: Set<String> = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]

    /// The PNG without metadata chunks; nil if the chunk structure is broken (then it must not be published as is).
    public static func stripped(_ png: [UInt8]) -> [UInt8]? {
        guard png.count >= 8, Array(png[0..<8]) == signature else { return nil }
        var output = signature
        output.reserveCapacity(png.count)
        var index = 8
        while index < png.count {
            guard index + 12 <= png.count else { return nil }
            let length = Int(png[index]) << 24 | Int(png[index + 1]) << 16 | Int(png[index + 2]) << 8 | Int(png[index + 3])
            let end = index + 12 + length
            guard length >= 0, end <= png.count else { return nil }
            let type = String(decoding: png[index + 4 ..< index + 8], as: UTF8.self)
            if !droppedChunks.contains(type) { output += png[index..<end] }
            index = end
            if type == "IEND" { return output }
        }
        return nil
    }

    /// Whether any metadata chunk is present.
    public static func hasMetadata(_ png: [UInt8]) -> Bool {
        var index = 8
        while index + 12 <= png.count {
            let length = Int(png[index]) << 24 | Int(png[index + 1]) << 16 | Int(png[index + 2]) << 8 | Int(png[index + 3])
            if droppedChunks.contains(String(decoding: png[index + 4 ..< index + 8], as: UTF8.self)) { return true }
            index += 12 + length
        }
        return false
    }
}
