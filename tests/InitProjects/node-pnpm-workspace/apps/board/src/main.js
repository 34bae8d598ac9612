const http = require("node:http");
const ms = require("ms");
const { leader } = require("@scoreboard/tally");

const port = Number(process.env.PORT) || 8080;

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.end("ok");
    return;
  }
  res.setHeader("content-type", "text/plain");
  res.end(`scoreboard: ${leader({ red: 3, blue: 5 })} leads, next update in ${ms(30000)}\n`);
});

server.listen(port, () => console.log(`board on ${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
