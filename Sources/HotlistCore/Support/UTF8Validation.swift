import Foundation

/// Finds where bytes stop being well-formed UTF-8, so an encoding error can
/// be reported at its line instead of being replaced by U+FFFD silently.
enum UTF8Validation {
    /// Offset of the first byte that is not part of a well-formed UTF-8
    /// sequence (per Unicode table 3-7), or nil when all of `bytes` is valid.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F   // no UTF-16 surrogates
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F    // nothing above U+10FFFF
            default: return index
            }
            guard index + 1 < count, (secondLow...secondHigh).contains(bytes[index + 1]) else { return index }
            for offset in 2..<length {
                guard index + offset < count, (0x80...0xBF).contains(bytes[index + offset]) else { return index }
            }
            index += length
        }
        return nil
    }
}
