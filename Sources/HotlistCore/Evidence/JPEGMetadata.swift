/// Removes the metadata segments of a JPEG that can carry where and when a photo was taken
/// (EXIF with GPS, XMP, IPTC, comments) before it is published. Image data is copied untouched.
public enum JPEGMetadata {
    /// APPn markers kept: APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform)
    /// change how the picture looks and carry no location.
    static let keptApplicationMarkers: Set<UInt8> = [0xE0, 0xE2, 0xEE]

    /// The JPEG without EXIF/XMP/IPTC/comment segments; nil if the bytes are not a well-formed JPEG
    /// up to the start of the image data (the caller then must not publish it as is).
    public static func stripped(_ jpeg: [UInt8]) -> [UInt8]? {
        guard jpeg.count >= 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return nil }
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(jpeg.count)
        var index = 2
        while index < jpeg.count {
            guard jpeg[index] == 0xFF else { return nil }
            var markerIndex = index + 1
            while markerIndex < jpeg.count, jpeg[markerIndex] == 0xFF { markerIndex += 1 }   // fill bytes
            guard markerIndex < jpeg.count else { return nil }
            let marker = jpeg[markerIndex]
            let segmentStart = markerIndex + 1
            if marker == 0xD9 { output += [0xFF, 0xD9]; return output }
            // Standalone markers carry no length.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { output += [0xFF, marker]; index = segmentStart; continue }
            guard segmentStart + 1 < jpeg.count else { return nil }
            let length = Int(jpeg[segmentStart]) << 8 | Int(jpeg[segmentStart + 1])
            guard length >= 2, segmentStart + length <= jpeg.count else { return nil }
            let segmentEnd = segmentStart + length
            if marker == 0xDA {
                // Start of scan: everything from here on is image data (and later markers within it).
                output += jpeg[index...]
                return output
            }
            let isApplication = (0xE0...0xEF).contains(marker)
            let dropped = (isApplication && !keptApplicationMarkers.contains(marker)) || marker == 0xFE
            if !dropped { output += [0xFF, marker]; output += jpeg[segmentStart..<segmentEnd] }
            index = segmentEnd
        }
        return nil
    }

    /// Whether the JPEG still has an EXIF or XMP segment before its image data.
    public static func hasLocationCapableMetadata(_ jpeg: [UInt8]) -> Bool {
        var index = 2
        while index + 3 < jpeg.count, jpeg[index] == 0xFF {
            let marker = jpeg[index + 1]
            if marker == 0xDA || marker == 0xD9 { return false }
            if marker == 0xE1 || marker == 0xED || marker == 0xFE { return true }
            let length = Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3])
            guard length >= 2 else { return false }
            index += 2 + length
        }
        return false
    }
}
