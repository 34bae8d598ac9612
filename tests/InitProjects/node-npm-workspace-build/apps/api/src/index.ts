import { createServer } from "node:http";
import ms from "ms";
import { log, requests } from "@tally/logger";

const port = Number(process.env.PORT || 3001);
let served = 0;

createServer((req, res) => {
  served += 1;
  if (req.url === "/status") {
    res.end("ok");
    return;
  }
  res.setHeader("content-type", "text/plain");
  res.end(`tally api: ${requests(served)} in ${ms(90_000, { long: true })}\n`);
}).listen(port, () => log(`api on ${port}`));
