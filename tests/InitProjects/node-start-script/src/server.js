const express = require("express");

const app = express();
app.get("/", (req, res) => res.send("orders\n"));
app.listen(Number(process.env.PORT || 3000));
