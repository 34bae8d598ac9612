import http from "node:http";
import { uptimeText } from "./uptime";

const port = Number(process.env.PORT ?? 8080);
const started = Date.now();

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(`ledger: balanced (up ${uptimeText(Date.now() - started)})\n`);
});

server.listen(port, () => console.log(`ledger-api listening on ${port}`));

// Close the server on docker stop instead of waiting to be killed.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
