const http = require("node:http");
const ms = require("ms");
const { format } = require("@shopfront/prices");

const port = Number(process.env.PORT || 8080);

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.end("ok");
    return;
  }
  res.setHeader("content-type", "text/plain");
  res.end(`shop: tea costs ${format(350)}, delivered in ${ms(2 * 86400000, { long: true })}\n`);
});

server.listen(port, () => console.log(`shop on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
