#!/usr/bin/env node
// Parses an HCL file (such as a docker-bake.hcl) with HashiCorp's own parser compiled to WebAssembly
// and prints it as JSON; a syntax error exits 1 with the parser's message.
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

const file = process.argv[2];
if (!file) {
  console.error("usage: hcl2json.js FILE.hcl");
  process.exit(2);
}

parse(file, fs.readFileSync(file, "utf8"))
  .then((json) => console.log(JSON.stringify(json, null, 2)))
  .catch((error) => {
    console.error(`${file}: ${error.message ?? error}`);
    process.exit(1);
  });
