const http = require("node:http");
const ms = require("ms");

// The platform this runs on sets APP_PORT; 4310 on a laptop.
const port = process.env.APP_PORT || 4310;

const server = http.createServer((req, res) => {
  res.setHeader("content-type", "text/plain");
  res.end(`recipe box: 12 recipes, refreshed every ${ms(3600000, { long: true })}\n`);
});

server.listen(port);
console.log("recipe-box listening on", port);
