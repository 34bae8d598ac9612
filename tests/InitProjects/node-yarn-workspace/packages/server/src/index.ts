import { createServer } from "node:http";
import ms from "ms";
// Typed from @sums/common's built dist/index.d.ts: common must build first.
import add from "@sums/common";

const port = process.env.PORT || 8080;

createServer((req, res) => {
  const match = /^\/add\/(\d+)\/(\d+)$/.exec(req.url ?? "");
  res.setHeader("content-type", "text/plain");
  if (match) {
    res.end(`${add(Number(match[1]), Number(match[2]))}\n`);
    return;
  }
  res.end(`sums: 2 + 3 = ${add(2, 3)}, every ${ms(60_000, { long: true })}\n`);
}).listen(Number(port), () => console.log(`sums on ${port}`));
process.on("SIGTERM", () => process.exit(0));
