// Serving for the bench: each site by tests/static-server.mjs (the plain static host the browser tests use, with
// its headers and Content-Security-Policy), behind a small counting proxy that records every request the browser
// makes, service worker included. What reaches the proxy is what a real host would have sent over the network.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What kind of file a response is, for the split of the first-load bytes. */
export function kindOf(contentType) {
  if (/text\/html/.test(contentType)) return "html";
  if (/javascript/.test(contentType)) return "js";
  if (/application\/wasm/.test(contentType)) return "wasm";
  if (/text\/css/.test(contentType)) return "css";
  return "other";
}

/** Text-like responses a host compresses; images and fonts are sent as they are. */
function compressible(contentType) {
  return /text\/|javascript|json|wasm|svg|xml|manifest/.test(contentType);
}

const compressed = new Map();

/**
 * A body's size as a static host sends it: gzip at level 9 and brotli at quality 11 (what a host serving
 * precompressed files sends; on-the-fly compression at lower levels is a little larger), raw for images.
 * Computed after the measurements, so compressing never competes with the browser for the CPU.
 */
export function compressedSizes(body, contentType) {
  if (!compressible(contentType)) return { raw: body.length, gzip: body.length, brotli: body.length };
  const hash = createHash("sha1").update(body).digest("hex");
  if (!compressed.has(hash)) {
    compressed.set(hash, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_MODE]: /wasm/.test(contentType) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        },
      }).length,
    });
  }
  return compressed.get(hash);
}

/** Waits until a server answers on a port. */
async function waitForPort(port, child) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the static server for port ${port} exited (${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      const probe = httpRequest({ host: "127.0.0.1", port, path: "/", method: "HEAD" }, (response) => {
        response.resume();
        resolve(true);
      });
      probe.on("error", () => resolve(false));
      probe.end();
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no server on port ${port}`);
}

/**
 * Serves a folder with tests/static-server.mjs on `port + 1000` and the counting proxy on `port`.
 * Returns the site's origin, `requests()` (everything since the last `reset()`) and `close()`.
 */
export async function serveSite({ staticServer, folder, port }) {
  const upstreamPort = port + 1000;
  const child = spawn(process.execPath, [staticServer, folder, String(upstreamPort)], { stdio: "ignore" });
  await waitForPort(upstreamPort, child);
  let log = [];
  let lastActivity = Date.now();
  let open = 0;
  const proxy = createServer((request, response) => {
    open++;
    lastActivity = Date.now();
    const upstream = httpRequest(
      { host: "127.0.0.1", port: upstreamPort, path: request.url, method: request.method, headers: request.headers },
      (upstreamResponse) => {
        const chunks = [];
        upstreamResponse.on("data", (chunk) => chunks.push(chunk));
        upstreamResponse.on("end", () => {
          const body = Buffer.concat(chunks);
          const contentType = String(upstreamResponse.headers["content-type"] ?? "");
          log.push({
            path: request.url,
            status: upstreamResponse.statusCode,
            contentType,
            kind: kindOf(contentType),
            body,
            // Chromium marks the worker's own fetches of its script; precache fetches look like any other.
            serviceWorkerScript: request.headers["service-worker"] === "script",
            at: Date.now(),
          });
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          response.end(body);
          open--;
          lastActivity = Date.now();
        });
      },
    );
    upstream.on("error", (error) => {
      response.writeHead(502).end(String(error));
      open--;
    });
    request.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    reset() {
      log = [];
    },
    requests() {
      return log;
    },
    /** Resolves once no request has been open or started for `quietMs`. */
    async quiet(quietMs = 1000, timeoutMs = 20000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        if (open === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      child.kill();
    },
  };
}
