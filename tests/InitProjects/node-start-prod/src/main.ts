import http from "node:http";
import { describe } from "./parcels";

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    return;
  }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(`parcels: ${describe(3)}\n`);
});

server.listen(port, () => console.log(`parcel-tracker listening on ${port}`));
