"""A tiny status service on Python's standard library: no framework, no WSGI object."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/":
            body = b"stdlib status: ready\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
        else:
            body = json.dumps({"error": "not found"}).encode()
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    port = int(os.environ.get("STATUS_PORT", "8090"))
    server = ThreadingHTTPServer(("", port), Handler)
    print(f"listening on :{port}", flush=True)
    server.serve_forever()
