/// Why the authorizer refused a statement of a read-only connection.
final class SQLiteReadRule: @unchecked Sendable {
    var refusal: String?

    /// Pragmas that only report, and may name a table or index.
    static let pragmas: Set<String> = ["table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list"]
    /// Pragmas that only report when given no value.
    static let bareReadPragmas: Set<String> = [
        "user_version", "schema_version", "application_id", "page_count", "page_size", "freelist_count", "encoding",
        "data_version", "database_list", "collation_list", "function_list", "module_list", "pragma_list", "table_list",
        "compile_options",
    ]

    /// The error for the last refusal.
    func error(sql: String) -> SQLiteError {
        SQLiteError(code: 23 /* SQLITE_AUTH */, message: "\(refusal ?? "a statement that writes") is not allowed; a metric's query may only read", sql: sql)
    }
}
