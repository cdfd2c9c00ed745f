import TransparencyLog

/// RFC 6962 §2.1 as written: recursive MTH, PATH and PROOF over the leaf hashes, with no stored hashes.
///
/// MTH is memoized by leaf range, which changes only the time taken.
struct ReferenceMerkle {
    let leaves: [Hash]
    private var memo: [Range<Int>: Hash] = [:]

    init(leaves: [Hash]) {
        self.leaves = leaves
    }

    mutating func mth(_ range: Range<Int>) -> Hash {
        if let hash = memo[range] { return hash }
        let hash: Hash
        switch range.count {
        case 0: hash = .emptyTree
        case 1: hash = leaves[range.lowerBound]
        default:
            let mid = Self.mid(range)
            hash = .node(mth(range.lowerBound..<mid), mth(mid..<range.upperBound))
        }
        memo[range] = hash
        return hash
    }

    /// PATH for leaf `m` (an absolute index) in the leaves of `range`.
    mutating func path(_ m: Int, _ range: Range<Int>) -> [Hash] {
        guard range.count > 1 else { return [] }
        let mid = Self.mid(range)
        if m < mid { return path(m, range.lowerBound..<mid) + [mth(mid..<range.upperBound)] }
        return path(m, mid..<range.upperBound) + [mth(range.lowerBound..<mid)]
    }

    /// PROOF from the first `m` leaves to the first `n`.
    mutating func proof(_ m: Int, _ n: Int) -> [Hash] {
        subproof(m, 0..<n, isOldTree: true)
    }

    private mutating func subproof(_ m: Int, _ range: Range<Int>, isOldTree: Bool) -> [Hash] {
        if m == range.upperBound { return isOldTree ? [] : [mth(range)] }
        let mid = Self.mid(range)
        if m <= mid { return subproof(m, range.lowerBound..<mid, isOldTree: isOldTree) + [mth(mid..<range.upperBound)] }
        return subproof(m, mid..<range.upperBound, isOldTree: false) + [mth(range.lowerBound..<mid)]
    }

    /// Where RFC 6962 splits a range: after the largest power of two strictly below its size.
    private static func mid(_ range: Range<Int>) -> Int {
        var k = 1
        while k * 2 < range.count { k *= 2 }
        return range.lowerBound + k
    }
}
