const http = require("node:http");
const ms = require("ms");

const port = Number(process.env.PORT ?? 8080);

const server = http.createServer((req, res) => {
  if (req.url === "/ready") {
    res.end("ready\n");
    return;
  }
  res.setHeader("content-type", "text/plain");
  res.end(`kitchen timer: tea in ${ms(180000, { long: true })}\n`);
});

server.listen(port, () => console.log(`timer on ${port}`));

process.on("SIGINT", () => server.close());
process.on("SIGTERM", () => server.close());
