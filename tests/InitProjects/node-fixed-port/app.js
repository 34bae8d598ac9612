const http = require('http');

let visits = 0;

const server = http.createServer((req, res) => {
  visits += 1;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/plain');
  res.end(`hello counter: visit ${visits}\n`);
});

server.listen(3071, () => {
  console.log('Server running at http://0.0.0.0:3071/');
});
