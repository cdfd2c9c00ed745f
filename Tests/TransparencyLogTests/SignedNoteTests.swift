import Foundation
import Testing
import TransparencyLog

struct SignedNoteTests {
    let vectors: NoteVectors

    init() throws {
        vectors = try Vectors.decode(NoteVectors.self, from: "notes.json")
    }

    func verifierKey(_ name: String) throws -> NoteVerifierKey {
        try NoteVerifierKey(parsing: try #require(vectors.keys[name]).vkey)
    }

    func signerKey(_ name: String) throws -> NoteSignerKey {
        try NoteSignerKey(parsing: try #require(vectors.keys[name]?.skey))
    }

    @Test func everyNoteCase() throws {
        #expect(vectors.notes.count == 16)
        for vector in vectors.notes {
            let keys = try vector.verifiers.map(verifierKey)
            let verified = try? SignedNote(parsing: vector.message).verify(with: keys).map(\.name)
            switch vector.expect {
            case "ok": #expect(verified == vector.verified, "\(vector.desc)")
            default: #expect(verified == nil, "\(vector.desc)")
            }
        }
    }

    @Test func acceptedNotesRoundTrip() throws {
        for vector in vectors.notes where vector.expect == "ok" {
            #expect(try SignedNote(parsing: vector.message).formatted == vector.msg, "\(vector.desc)")
        }
    }

    @Test func rejectionReasons() throws {
        let peter = try verifierKey("PeterNeumann")
        let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
        let signed = try #require(vectors.notes.first).msg!
        #expect(throws: NoteError.missingSignatures) { try SignedNote(parsing: Array(text.utf8)) }
        #expect(throws: NoteError.missingSignatures) { try SignedNote(parsing: Array((text + "\n").utf8)) }
        #expect(throws: NoteError.missingSignatures) { try SignedNote(parsing: Array(signed.dropLast().utf8)) }
        #expect(throws: NoteError.invalidText) { try SignedNote(parsing: Array(("\u{01}" + signed).utf8)) }
        #expect(throws: NoteError.invalidText) { try SignedNote(parsing: [0xFF] + Array(signed.utf8)) }
        #expect(throws: NoteError.malformedSignatureLine) { try SignedNote(parsing: Array((signed + "Unexpected line.\n").utf8)) }
        #expect(throws: NoteError.malformedSignatureLine) { try SignedNote(parsing: Array((text + "\n- PeterNeumann AAAA\n").utf8)) }
        let line = String(signed.dropFirst(text.count + 1))
        let many = text + "\n" + String(repeating: line, count: 101)
        #expect(throws: NoteError.tooManySignatures) { try SignedNote(parsing: Array(many.utf8)) }
        #expect(throws: NoteError.noVerifiedSignature) { try SignedNote(parsing: Array(signed.utf8)).verify(with: []) }
        #expect(throws: NoteError.ambiguousKey(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try SignedNote(parsing: Array(signed.utf8)).verify(with: [peter, peter])
        }
        let corrupted = try #require(vectors.notes.first { $0.desc.contains("corrupted") })
        #expect(throws: NoteError.invalidSignature(name: "PeterNeumann", keyID: 0xc74f_20a3)) {
            try SignedNote(parsing: corrupted.message).verify(with: [peter])
        }
    }

    @Test func repeatedSignaturesFromOneKeyCountOnce() throws {
        let signed = try #require(vectors.notes.first).msg!
        let line = signed.split(separator: "\n").last! + "\n"
        let note = try SignedNote(parsing: Array((signed + line).utf8))
        #expect(note.signatures.count == 2)
        #expect(try note.verify(with: [try verifierKey("PeterNeumann")]).map(\.name) == ["PeterNeumann"])
    }

    @Test func verifierKeysRoundTripAndMatchTheirSignerKeys() throws {
        for (name, key) in vectors.keys {
            guard key.type == nil else {
                #expect(throws: NoteError.unsupportedKeyType(0x04), "\(name) is a witness cosignature key") {
                    try NoteVerifierKey(parsing: key.vkey)
                }
                continue
            }
            let verifier = try NoteVerifierKey(parsing: key.vkey)
            #expect(verifier.name == name)
            #expect(verifier.encoded == key.vkey)
            #expect(try NoteVerifierKey(name: name, publicKey: verifier.publicKey) == verifier)
            if let skey = key.skey {
                let signer = try NoteSignerKey(parsing: skey)
                #expect(signer.verifierKey == verifier)
                #expect(signer.encoded == skey)
            }
        }
    }

    @Test func keyIDsAreSHA256OfNameNewlineTypeAndKey() throws {
        #expect(try verifierKey("PeterNeumann").keyID == 0xc74f_20a3)
        #expect(try verifierKey("log2025-alpha1.rekor.sigstage.dev").keyID == 0xf30d_5a99)
    }

    @Test func badVerifierKeysAreRejected() {
        #expect(vectors.badVkeys.count == 6)
        for vkey in vectors.badVkeys {
            #expect(throws: (any Error).self, "\(vkey)") { try NoteVerifierKey(parsing: vkey) }
        }
    }

    @Test func badSignerKeysAreRejected() throws {
        let skey = try #require(vectors.keys["PeterNeumann"]?.skey)
        for bad in [
            skey.replacingOccurrences(of: "c74f20a3", with: "c74f20a4"),
            skey.replacingOccurrences(of: "PRIVATE+KEY", with: "PRIVATE+KEYS"),
            skey.replacingOccurrences(of: "+AYEK", with: "+AoEK"),
            String(skey.dropLast(4)),
            "PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        ] {
            #expect(throws: (any Error).self, "\(bad)") { try NoteSignerKey(parsing: bad) }
        }
    }

    /// swift-crypto on Linux (BoringSSL) signs deterministically; CryptoKit randomizes Ed25519, so elsewhere the
    /// signatures are only checked to verify.
    @Test func signingReproducesPublishedNotes() throws {
        let cases: [(signers: [String], desc: String)] = [
            (["PeterNeumann"], "x/mod: Peter signs, verifier knows Peter"),
            (
                ["Log", "Known"],
                "checkpoint signed by formats 'Log' and 'Known' test keys (computed from the published test private keys; Ed25519 is deterministic)"
            ),
        ]
        for (signerNames, desc) in cases {
            let vector = try #require(vectors.notes.first { $0.desc == desc })
            let published = try SignedNote(parsing: vector.message)
            let signers = try signerNames.map(signerKey)
            let note = try SignedNote(text: published.text, signers: signers)
            #expect(try note.verify(with: signers.map(\.verifierKey)).map(\.name) == signerNames)
            #if os(Linux)
            #expect(note.formatted == vector.msg)
            #endif
        }
    }

    @Test func generatedKeysSignAndVerify() throws {
        let signer = try NoteSignerKey.generate(name: "procurement.example/tlog/v1")
        let reparsed = try NoteSignerKey(parsing: signer.encoded)
        let verifier = try NoteVerifierKey(parsing: signer.verifierKey.encoded)
        let other = try NoteSignerKey.generate(name: "witness.example/w1")
        let note = try SignedNote(text: "hello\n\nworld\n", signers: [reparsed, other])
        let parsed = try SignedNote(parsing: Array(note.formatted.utf8))
        #expect(parsed == note)
        #expect(parsed.text == "hello\n\nworld\n")
        #expect(try parsed.verify(with: [verifier]) == [verifier])
        // PRIVATE+KEY+<name>+<key id>+<base64 key>: the base64 part may itself contain "+".
        let privateKey = signer.encoded.split(separator: "+", maxSplits: 4).last!
        #expect(privateKey.count > 40)
        #expect(!"\(signer)".contains(privateKey))
    }

    @Test func signingNeedsValidText() throws {
        let signer = try NoteSignerKey.generate(name: "example.com/log")
        #expect(throws: NoteError.invalidText) { try SignedNote(text: "no final newline", signers: [signer]) }
        #expect(throws: NoteError.invalidText) { try SignedNote(text: "tab\there\n", signers: [signer]) }
        #expect(throws: NoteError.missingSignatures) { try SignedNote(text: "unsigned\n", signers: []) }
        #expect(throws: NoteError.invalidKeyName("bad name")) { try NoteSignerKey.generate(name: "bad name") }
        #expect(throws: NoteError.invalidKeyName("a+b")) { try NoteSignerKey.generate(name: "a+b") }
    }
}
