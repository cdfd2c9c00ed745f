import Foundation

/// The fields of a form as `Templates/field.mustache` draws them — label, value, and the problem found with it — and
/// the list of every problem in form order, each linking to its field.
struct FieldSet {
    private let problems: [(field: String, message: String)]
    private var labels: [String: (text: String, id: String)] = [:]

    init(problems: [(field: String, message: String)]) { self.problems = problems }

    /// `lot.2.title` is drawn as the element `lot-2-title`.
    static func id(_ name: String) -> String { name.replacingOccurrences(of: ".", with: "-") }

    /// A text field; `group` (e.g. "Lot 2") prefixes its label in the problem list, where the field is out of context.
    mutating func input(
        _ name: String,
        _ label: String,
        _ value: String,
        placeholder: String? = nil,
        inputmode: String? = nil,
        number: Bool = false,
        textarea: Bool = false,
        required: Bool = false,
        group: String? = nil
    ) -> [String: Any] {
        self.label(name, group.map { "\($0) — \(label)" } ?? label, id: Self.id(name))
        var field: [String: Any] = [
            "id": Self.id(name), "name": name, "label": label, "value": value, "number": number, "textarea": textarea, "required": required,
        ]
        if let placeholder { field["placeholder"] = placeholder }
        if let inputmode { field["inputmode"] = inputmode }
        if let problem = problem(name) { field["problem"] = problem }
        return field
    }

    /// Names a field the template draws itself (a select, a group of fields), for the problem list.
    mutating func label(_ name: String, _ text: String, id: String) { labels[name] = (text, id) }

    func problem(_ name: String) -> String? { problems.first { $0.field == name }?.message }

    func summary() -> [[String: String]] {
        problems.map { problem in
            guard let label = labels[problem.field] else { return ["text": problem.message] }
            return ["text": "\(label.text): \(problem.message)", "anchor": label.id]
        }
    }
}
