import Foundation
import HotlistAPI
import HotlistCore
import Yams

/// The API contract as the server reads it: `HotlistAPI/openapi.yaml`, the same file the generator
/// writes the types from. Read once; served as JSON, and the source of the per-operation facts the
/// generated layer does not enforce (which query parameters and body fields exist).
struct OpenAPIDocument: Sendable {
    struct Operation: Sendable {
        var id: String
        var method: String
        /// As written in the document, such as `/api/v1/agencies/{id}`.
        var path: String
        /// Every query parameter the operation documents, in document order.
        var queryParameters: [String]
        /// Each query parameter's schema, for naming what a value must be.
        var querySchemas: [String: [String: any Sendable]]
        /// Each path parameter's schema.
        var pathSchemas: [String: [String: any Sendable]]
        /// The JSON body's object schema, when the operation takes one.
        var bodySchema: [String: any Sendable]?

        var bodyFields: [String] { ((bodySchema?["properties"] as? [String: any Sendable]) ?? [:]).keys.sorted() }

        /// A body field's schema (after `$ref`), for naming what a field must be.
        func bodyField(_ name: String) -> [String: any Sendable]? { (bodySchema?["properties"] as? [String: any Sendable])?[name] as? [String: any Sendable] }
    }

    /// The document as JSON, keys sorted.
    let json: Data
    let operations: [Operation]

    static let shared: OpenAPIDocument = {
        do { return try OpenAPIDocument(yaml: APIDocument.yaml) } catch { fatalError("HotlistAPI/openapi.yaml cannot be read: \(error)") }
    }()

    init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw DocumentError("the document is not a mapping") }
        json = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes])
        let sendableRoot = Self.sendable(root) as? [String: any Sendable] ?? [:]
        func resolve(_ node: Any?) -> [String: any Sendable]? {
            guard let object = node as? [String: any Sendable] else { return nil }
            guard let ref = object["$ref"] as? String else { return object }
            var target: Any? = sendableRoot
            for part in ref.dropFirst(2).split(separator: "/") { target = (target as? [String: any Sendable])?[String(part)] }
            return resolve(target)
        }
        var operations: [Operation] = []
        for (path, item) in (sendableRoot["paths"] as? [String: any Sendable] ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (method, value) in (item as? [String: any Sendable] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let operation = value as? [String: any Sendable], let id = operation["operationId"] as? String else { continue }
                let parameters = (operation["parameters"] as? [any Sendable] ?? []).compactMap(resolve)
                func schemas(_ location: String) -> [String: [String: any Sendable]] {
                    Dictionary(parameters.filter { $0["in"] as? String == location }.compactMap { parameter in
                        (parameter["name"] as? String).map { ($0, resolve(parameter["schema"]) ?? [:]) }
                    }, uniquingKeysWith: { first, _ in first })
                }
                let body = resolve(resolve(resolve(operation["requestBody"])?["content"]).flatMap { $0["application/json"] as? [String: any Sendable] }?["schema"])
                operations.append(Operation(id: id, method: method.uppercased(), path: path,
                                            queryParameters: parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String },
                                            querySchemas: schemas("query"), pathSchemas: schemas("path"),
                                            bodySchema: body.map { Self.resolvingProperties($0, resolve) }))
            }
        }
        self.operations = operations
    }

    func operation(id: String) -> Operation? { operations.first { $0.id == id } }

    func operation(method: String, path: String) -> Operation? { operations.first { $0.method == method.uppercased() && $0.path == path } }

    struct DocumentError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// YAML's values as Sendable ones (strings, numbers, booleans, arrays, mappings).
    private static func sendable(_ node: Any) -> any Sendable {
        switch node {
        case let object as [String: Any]: object.mapValues(sendable)
        case let array as [Any]: array.map(sendable)
        case let text as String: text
        case let flag as Bool: flag
        case let number as Int: number
        case let number as Double: number
        default: String(describing: node)
        }
    }

    private static func resolvingProperties(_ schema: [String: any Sendable], _ resolve: (Any?) -> [String: any Sendable]?) -> [String: any Sendable] {
        var schema = schema
        if let properties = schema["properties"] as? [String: any Sendable] {
            schema["properties"] = properties.mapValues { resolve($0) ?? [:] } as [String: any Sendable]
        }
        return schema
    }
}
