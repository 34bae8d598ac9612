const http = require("node:http");
const { render } = require("./lib/render");

const port = Number(process.env.PORT || 8080);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(render());
});
server.listen(port, () => console.log(`listening on ${port}`));
// As PID 1 node gets no default SIGTERM handling: close the server and exit.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
