'use strict';

// A small web app for learning multi-stage Docker builds. It is PID 1 in its
// container, so it handles SIGTERM itself and has its own health-check mode
// (the final image may have no shell and no curl).

const http = require('node:http');
const net = require('node:net');

const APP_NAME = "SampleApp";
// Text, not a number: `dotnet new --port` can put any integer here, and an out-of-range one
// must be reported at start (readPort), not misread.
const DEFAULT_PORT = '8080';
const DEFAULT_HOST = '0.0.0.0';

// The input contract (CONTRIBUTING.md): arguments first, then PORT, then HOST; each refusal is
// one line on stderr naming the value and the fix.
function fail(status, message) {
  console.error(`error: ${message}`);
  process.exit(status);
}

// Decimal digits with no sign, spaces or leading zero, 1-65535: Number() alone would take
// '0x50', ' 80' and '8e3', and port 0 would mean "any free port".
function parsePort(text) {
  return /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535 ? Number(text) : null;
}

// Refuse a bad PORT at start: running on some other port would hide the mistake.
function readPort() {
  const raw = process.env.PORT ?? '';
  const port = parsePort(raw);
  if (port !== null) {
    return port;
  }
  // Unset, empty or the image's own ENV PORT: the value came from the template, not the user.
  if (raw === '' || raw === DEFAULT_PORT) {
    return parsePort(DEFAULT_PORT) ?? fail(1, `the template's default port ${DEFAULT_PORT} (dotnet new --port) is not a valid port: set PORT to a whole number from 1 to 65535, or create the project again with --port in that range`);
  }
  return fail(1, `PORT="${raw}" is not a valid port: set PORT to a whole number from 1 to 65535 (no sign, no leading zero), or unset it to use ${DEFAULT_PORT}`);
}

// An IP address only (net.isIP also takes IPv6 zone suffixes such as %eth0, which the other apps
// refuse): a host name could resolve to an address of the wrong family.
function readHost() {
  const host = process.env.HOST ?? '';
  if (host === '') {
    return DEFAULT_HOST;
  }
  if (net.isIP(host) === 0 || host.includes('%')) {
    fail(1, `HOST="${host}" is not an IP address: set HOST to the address to listen on, such as 0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), or unset it to use ${DEFAULT_HOST}`);
  }
  return host;
}

const args = process.argv.slice(2);
const healthcheckMode = args.length === 1 && args[0] === '--healthcheck';
if (args.length > 0 && !healthcheckMode) {
  fail(2, `unknown arguments: ${args.join(' ')}: run with no arguments to serve, or with --healthcheck to probe a running server`);
}
const port = readPort();
const host = readHost();

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
  // Loaded only to serve: the checks above and the health check run without it.
  const express = require('express');
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
    // close() stops accepting and ends idle keep-alive connections; requests in flight may finish.
    server.close(() => process.exit(0));
    // After 3 s drop what is left (a client still sending its request): the app must be gone
    // well before Docker's 10 s stop timeout.
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (healthcheckMode) {
  healthcheck();
} else {
  serve();
}
