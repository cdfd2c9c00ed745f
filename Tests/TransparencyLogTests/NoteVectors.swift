/// `notes.json`.
struct NoteVectors: Decodable {
    struct Key: Decodable {
        let skey: String?
        let vkey: String
        let type: String?
    }

    struct Case: Decodable {
        let desc: String
        let msg: String?
        let msgBase64: String?
        let verifiers: [String]
        let expect: String
        let verified: [String]?

        enum CodingKeys: String, CodingKey {
            case desc, msg, verifiers, expect, verified
            case msgBase64 = "msg_b64"
        }

        var message: [UInt8] {
            msg.map { Array($0.utf8) } ?? decodeBase64(msgBase64!)!
        }
    }

    struct RecordHash: Decodable {
        let data: String
        let leafHashBase64: String

        enum CodingKeys: String, CodingKey {
            case data
            case leafHashBase64 = "leaf_hash_b64"
        }
    }

    let keys: [String: Key]
    let badVkeys: [String]
    let notes: [Case]
    let recordHash: RecordHash

    enum CodingKeys: String, CodingKey {
        case keys, notes
        case badVkeys = "bad_vkeys"
        case recordHash = "record_hash"
    }
}
