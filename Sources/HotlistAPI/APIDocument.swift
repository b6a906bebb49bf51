/// The document the types are generated from, as written (YAML), for serving.
public enum APIDocument {
    public static var yaml: String { String(decoding: PackageResources.openapi_yaml, as: UTF8.self) }
}
