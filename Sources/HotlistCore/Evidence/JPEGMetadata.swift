/// Removes what a JPEG can carry about where and when a photo was taken (EXIF with GPS, XMP, IPTC,
/// comments, thumbnails) before it is published. Image data is copied untouched.
///
/// The whole file is walked: between the scans of a progressive JPEG there can be more APPn and
/// comment segments, and phones append further images after the end of the first (multi-picture
/// previews, HDR gain maps), each with its own EXIF. Only the first image is published, and
/// the multi-picture index that points at the others is dropped with them.
public enum JPEGMetadata {
    /// Application segments kept, by marker and the identifier their data starts with: they change
    /// how the picture looks and carry no location. APP0 "JFXX" (a thumbnail) and APP2 "MPF" are not.
    static let keptApplicationSegments: [(marker: UInt8, identifier: [UInt8])] = [
        (0xE0, Array("JFIF\0".utf8)), (0xE2, Array("ICC_PROFILE\0".utf8)), (0xEE, Array("Adobe".utf8)),
    ]

    /// The first image without metadata segments; nil if the bytes are not a well-formed JPEG (the
    /// caller then must not publish it as is).
    public static func stripped(_ jpeg: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(jpeg.count)
        var complete = false, sawImageData = false
        let walked = walk(jpeg, from: 0) { part, range in
            switch part {
            case .segment(let marker) where isMetadata(marker, jpeg, range): break
            case .segment: output += jpeg[range]
            case .scanData: output += jpeg[range]; sawImageData = true
            case .end: output += jpeg[range]; complete = true
            }
            return !complete
        }
        // Without image data (a file cut short before its first scan) there is no picture to publish.
        guard walked != nil, sawImageData else { return nil }
        return output
    }

    /// Whether any image in the file (the first or one appended after it) still has a segment that
    /// `stripped` would remove.
    public static func hasLocationCapableMetadata(_ jpeg: [UInt8]) -> Bool {
        var start = 0
        while start < jpeg.count {
            var found = false
            guard let end = walk(jpeg, from: start, { part, range in
                if case .segment(let marker) = part, isMetadata(marker, jpeg, range) { found = true }
                if case .end = part { return false }
                return !found
            }) else { return found }
            if found { return true }
            // An appended image starts with its own start-of-image marker.
            guard let next = (end..<max(end, jpeg.count - 1)).first(where: { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xD8 }) else { return false }
            start = next
        }
        return false
    }

    enum Part { case segment(UInt8), scanData, end }

    /// Calls `visit` for each part of the image starting at `start` (a start-of-image marker) with
    /// its byte range, markers included, until `visit` returns false or the image ends. Returns the
    /// index after the last part visited, or nil when the bytes are not a JPEG.
    @discardableResult
    static func walk(_ jpeg: [UInt8], from start: Int, _ visit: (Part, Range<Int>) -> Bool) -> Int? {
        guard start + 4 <= jpeg.count, jpeg[start] == 0xFF, jpeg[start + 1] == 0xD8 else { return nil }
        guard visit(.segment(0xD8), start..<(start + 2)) else { return start + 2 }
        var index = start + 2
        while index < jpeg.count {
            guard jpeg[index] == 0xFF else { return nil }
            var markerIndex = index + 1
            while markerIndex < jpeg.count, jpeg[markerIndex] == 0xFF { markerIndex += 1 }   // fill bytes
            guard markerIndex < jpeg.count else { return nil }
            let marker = jpeg[markerIndex]
            // 0x00 is a stuffed byte inside scan data, never a marker: fill bytes before it are
            // malformed, and readers disagree on them (found by scripts/fuzz).
            guard marker != 0x00 else { return nil }
            let segmentStart = markerIndex + 1
            if marker == 0xD9 { _ = visit(.end, markerIndex - 1..<segmentStart); return segmentStart }
            // Standalone markers carry no length.
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                guard visit(.segment(marker), markerIndex - 1..<segmentStart) else { return segmentStart }
                index = segmentStart
                continue
            }
            guard segmentStart + 1 < jpeg.count else { return nil }
            let length = Int(jpeg[segmentStart]) << 8 | Int(jpeg[segmentStart + 1])
            guard length >= 2, segmentStart + length <= jpeg.count else { return nil }
            let segmentEnd = segmentStart + length
            guard visit(.segment(marker), markerIndex - 1..<segmentEnd) else { return segmentEnd }
            index = segmentEnd
            if marker == 0xDA {
                // Entropy-coded data runs to the next marker: 0xFF is followed there by 0x00 (a
                // stuffed byte) or a restart marker, anything else ends the scan.
                var scan = index
                while scan < jpeg.count {
                    if jpeg[scan] == 0xFF, scan + 1 < jpeg.count, jpeg[scan + 1] != 0x00, !(0xD0...0xD7).contains(jpeg[scan + 1]) { break }
                    scan += jpeg[scan] == 0xFF ? 2 : 1
                }
                scan = min(scan, jpeg.count)
                guard visit(.scanData, index..<scan) else { return scan }
                index = scan
            }
        }
        return index
    }

    /// APPn segments other than the kept ones, and comments.
    static func isMetadata(_ marker: UInt8, _ jpeg: [UInt8], _ range: Range<Int>) -> Bool {
        if marker == 0xFE { return true }
        guard (0xE0...0xEF).contains(marker) else { return false }
        let data = jpeg[(range.lowerBound + 4)..<range.upperBound]
        return !keptApplicationSegments.contains { $0.marker == marker && data.starts(with: $0.identifier) }
    }
}
