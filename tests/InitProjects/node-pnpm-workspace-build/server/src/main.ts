import { createServer } from "node:http";
import ms from "ms";
// Typed from common's built dist/index.d.ts: common must build first.
import { quoteOfTheDay } from "common";

const port = process.env.PORT ?? 3000;

createServer((req, res) => {
  if (req.url === "/health") {
    res.end("ok");
    return;
  }
  res.setHeader("content-type", "text/plain");
  res.end(`quotes: ${quoteOfTheDay(new Date().getDate())} (cached ${ms(3_600_000, { long: true })})\n`);
}).listen(Number(port), () => console.log(`quotes on ${port}`));
