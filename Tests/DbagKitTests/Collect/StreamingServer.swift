/// A Python HTTP server with bodies too big to keep: `/huge` announces 200 MB and sends
/// them, `/endless` sends a chunked body that never ends, `/echo?...` answers its query text,
/// `/redirect/X` redirects to `/echo?X`, `/headers` answers the request's headers as a JSON
/// object (names in lower case), `/silent` never answers and `/trickle` sends a byte a second.
enum StreamingServer {
    static let program = #"""
    import http.server, json, socketserver, time, urllib.parse

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            block = b"7" * 65536
            try:
                if self.path == "/huge":
                    self.send_response(200)
                    self.send_header("Content-Length", str(200 * 1024 * 1024))
                    self.end_headers()
                    for _ in range(200 * 16):
                        self.wfile.write(block)
                elif self.path == "/endless":
                    self.send_response(200)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b"%x\r\n" % len(block) + block + b"\r\n"
                    while True:
                        self.wfile.write(chunk)
                elif self.path == "/headers":
                    body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/silent":
                    time.sleep(3600)
                elif self.path == "/trickle":
                    self.send_response(200)
                    self.send_header("Content-Length", "3600")
                    self.end_headers()
                    for _ in range(3600):
                        self.wfile.write(b"7")
                        self.wfile.flush()
                        time.sleep(1)
                elif self.path.startswith("/redirect/"):
                    self.send_response(302)
                    self.send_header("Location", "/echo?" + self.path[len("/redirect/"):])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    body = urllib.parse.unquote(urllib.parse.urlparse(self.path).query).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    print("Serving HTTP on 127.0.0.1 port %d" % server.server_address[1], flush=True)
    server.serve_forever()
    """#
}
