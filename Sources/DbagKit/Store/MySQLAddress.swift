import Foundation

/// Where a MySQL or MariaDB server is, read from `mysql://user:password@host:port/database`
/// (`?socket=/path` for a Unix socket). User and password are percent-decoded.
public struct MySQLAddress: Sendable, Hashable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String?
    public var socket: String?
}

extension MySQLAddress {
    /// Reads a URL; the error never quotes it, since it may hold a password.
    public init(_ url: String) throws(MariaDBError) {
        let form = "a MySQL source must look like mysql://user:password@host:port/database"
        guard let scheme = ["mysql://", "mariadb://"].first(where: { url.lowercased().hasPrefix($0) }) else {
            throw MariaDBError(message: form)
        }
        var rest = Substring(url.dropFirst(scheme.count))
        user = ""
        // The last `@` ends the credentials: a password may hold `@`, `/` or `:`; a host may not.
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = MySQLAddress.decode(credentials[..<colon])
                password = MySQLAddress.decode(credentials[credentials.index(after: colon)...])
            } else {
                user = MySQLAddress.decode(credentials)
            }
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        rest = rest[authority.endIndex...]
        host = "localhost"
        port = 3306
        if !authority.isEmpty {
            var hostText = authority
            if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
                guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                    throw MariaDBError(message: form + " (the port must be a number)")
                }
                port = number
                hostText = authority[..<colon]
            }
            if !hostText.isEmpty { host = String(hostText.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) }
        }
        let path = rest.prefix { $0 != "?" }
        let name = MySQLAddress.decode(path.drop { $0 == "/" })
        database = name.isEmpty ? nil : name
        for pair in rest[path.endIndex...].dropFirst().split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "socket" else {
                throw MariaDBError(message: "unknown option '\(parts.first ?? "")' in a MySQL source (only socket=/path is known)")
            }
            socket = MySQLAddress.decode(parts[1])
        }
        guard !user.isEmpty else { throw MariaDBError(message: form + " (the user is missing)") }
    }

    private static func decode(_ text: Substring) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }
}
