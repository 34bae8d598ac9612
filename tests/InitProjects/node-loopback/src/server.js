const http = require("node:http");

const PORT = process.env.NOTES_PORT ?? 5140;
const HOST = "127.0.0.1";

if (!process.env.NOTES_SECRET) {
  throw new Error("NOTES_SECRET is not set");
}

const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("notes: 3 notes\n");
});

server.listen(PORT, HOST, () => console.log(`notes on http://${HOST}:${PORT}`));

process.once("SIGTERM", () => server.close());
