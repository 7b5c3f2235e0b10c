/// How many columns text takes in a monospaced editor or terminal: code points whose Unicode
/// East_Asian_Width is Wide or Fullwidth (CJK ideographs, kana, Hangul syllables, fullwidth
/// forms, most emoji) take two; combining marks and format characters (accents applied to the
/// previous letter, zero-width joiners, variation selectors) take none; everything else one.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ bytes: ArraySlice<UInt8>) -> Int {
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.count }
        return of(String(decoding: bytes, as: UTF8.self))
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(value) ? 2 : 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        let ranges = EastAsianWidth.wideRanges
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
