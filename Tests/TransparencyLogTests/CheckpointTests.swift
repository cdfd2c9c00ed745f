import Testing
import TransparencyLog

struct CheckpointTests {
    static let root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="

    @Test func parsesAndFormats() throws {
        let checkpoint = try Checkpoint(parsing: "example.com/log42\n70000\n\(Self.root)\n")
        #expect(checkpoint.origin == "example.com/log42")
        #expect(checkpoint.size == 70000)
        #expect(checkpoint.root == .emptyTree)
        #expect(checkpoint.extensionLines.isEmpty)
        #expect(checkpoint.body == "example.com/log42\n70000\n\(Self.root)\n")
    }

    @Test func keepsExtensionLines() throws {
        let body = "example.com/log42\n0\n\(Self.root)\nfirst extension\nsecond\n"
        let checkpoint = try Checkpoint(parsing: body)
        #expect(checkpoint.size == 0)
        #expect(checkpoint.extensionLines == ["first extension", "second"])
        #expect(checkpoint.body == body)
    }

    @Test(arguments: [
        ("example.com/log42\n7\n\(root)", CheckpointError.missingFinalNewline),
        ("example.com/log42\n7\n", .tooFewLines),
        ("\n7\n\(root)\n", .invalidOrigin),
        ("example.com/log42\n-1\n\(root)\n", .invalidSize("-1")),
        ("example.com/log42\n+7\n\(root)\n", .invalidSize("+7")),
        ("example.com/log42\n07\n\(root)\n", .invalidSize("07")),
        ("example.com/log42\n 7\n\(root)\n", .invalidSize(" 7")),
        ("example.com/log42\n0x7\n\(root)\n", .invalidSize("0x7")),
        ("example.com/log42\n\n\(root)\n", .invalidSize("")),
        ("example.com/log42\n18446744073709551616\n\(root)\n", .invalidSize("18446744073709551616")),
        ("example.com/log42\n7\nnot base64!\n", .invalidRoot("not base64!")),
        ("example.com/log42\n7\nZG9uJ3QgY2FyZSAx\n", .invalidRoot("ZG9uJ3QgY2FyZSAx")),
        ("example.com/log42\n7\n\(root)\n\n", .invalidExtensionLine("")),
        ("example.com/log42\n7\n\(root)\next\n\nmore\n", .invalidExtensionLine("")),
    ])
    func rejectsMalformedBodies(body: String, error: CheckpointError) {
        #expect(throws: error) { try Checkpoint(parsing: body) }
    }

    @Test func largestSizeParses() throws {
        #expect(try Checkpoint(parsing: "o\n18446744073709551615\n\(Self.root)\n").size == UInt64.max)
    }

    @Test func constructionChecksLines() {
        #expect(throws: CheckpointError.invalidOrigin) { try Checkpoint(origin: "", size: 0, root: .emptyTree) }
        #expect(throws: CheckpointError.invalidOrigin) { try Checkpoint(origin: "a\nb", size: 0, root: .emptyTree) }
        #expect(throws: CheckpointError.invalidExtensionLine("x\ty")) {
            try Checkpoint(origin: "a", size: 0, root: .emptyTree, extensionLines: ["x\ty"])
        }
    }
}
