'use strict';

// A small web app for learning multi-stage Docker builds. It is PID 1 in its
// container, so it handles SIGTERM itself and has its own health-check mode
// (the final image may have no shell and no curl).

const http = require('node:http');
const express = require('express');

const APP_NAME = 'SampleApp';
const DEFAULT_PORT = 8080;

// Refuse a bad PORT at start: running on some other port would hide the mistake.
function readPort() {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') {
    return DEFAULT_PORT;
  }
  const port = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    console.error(`PORT="${raw}" is not a valid port: set PORT to an integer from 1 to 65535 (default ${DEFAULT_PORT}).`);
    process.exit(1);
  }
  return port;
}

const port = readPort();
const host = process.env.HOST || '0.0.0.0';

// Health-check mode: the Dockerfile's exec-form HEALTHCHECK runs this program
// again with --healthcheck, so the check needs nothing but node itself.
function healthcheck() {
  // A wildcard bind address accepts connections on loopback.
  const target = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const request = http.get({ host: target, port, path: '/healthz', timeout: 2000 }, (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => { body += chunk; });
    response.on('end', () => process.exit(response.statusCode === 200 && body === 'ok' ? 0 : 1));
  });
  request.on('timeout', () => request.destroy(new Error('timed out')));
  request.on('error', (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  });
}

function serve() {
  const app = express();
  // Do not advertise the framework to every client.
  app.disable('x-powered-by');

  app.get('/', (req, res) => {
    res.type('text/plain').send(`Hello from ${APP_NAME}, a Node.js app!`);
  });

  app.get('/healthz', (req, res) => {
    res.type('text/plain').send('ok');
  });

  const server = http.createServer(app);

  server.on('error', (error) => {
    console.error(`Cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });

  server.listen(port, host, () => {
    console.log(`${APP_NAME} listening on http://${host}:${port}`);
  });

  // As PID 1 the process gets no default signal handling: without these
  // handlers `docker stop` waits 10 s and then kills it (exit 137).
  const shutdown = (signal) => {
    console.log(`${signal} received, closing the server`);
    server.close(() => process.exit(0));
    // Do not let a slow client hold the container open.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv.includes('--healthcheck')) {
  healthcheck();
} else {
  serve();
}
