import Foundation

extension PreviewResponse {
    /// The bytes sent for this answer: status line, headers (sorted, with
    /// `Content-Length` and `Connection`), then the body unless `omitBody` (HEAD).
    func wire(omitBody: Bool, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.phrase(status))\r\n"
        var fields = headers
        fields["Content-Length"] = String(body.count)
        fields["Connection"] = keepAlive ? "keep-alive" : "close"
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            head += "\(name): \(value)\r\n"
        }
        head += "\r\n"
        var data = Data(head.utf8)
        if !omitBody { data.append(body) }
        return data
    }

    /// The reason phrase of a status code.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
