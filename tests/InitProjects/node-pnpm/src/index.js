const http = require("node:http");
const ms = require("ms");

const port = parseInt(process.env.PORT || "8080", 10);
const cacheFor = ms("5m");

http
  .createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200).end("ok\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain", "cache-control": `max-age=${cacheFor / 1000}` });
    res.end("weather relay: sunny intervals\n");
  })
  .listen(port, () => console.log(`weather-relay on :${port}`));
