// Serving for the bench: each site by tests/static-server.mjs (the plain static host the browser tests use, with
// its headers and Content-Security-Policy), behind a small counting proxy that records every request the browser
// makes, service worker included. What reaches the proxy is what a real host would have sent over the network.
// The proxy sends each text-like file compressed, as a host serving precompressed files does (brotli where the
// browser accepts it, else gzip): on the slow network the bench emulates, the compressed size is what takes time.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { extname, join } from "node:path";
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

/** Compressed bodies by the SHA-1 of the raw body: `{ gzip, brotli }` buffers. */
const compressed = new Map();

/**
 * A body compressed as a host serving precompressed files has it: gzip at level 9 and brotli at quality 11
 * (on-the-fly compression at lower levels is a little larger). Kept by content, so each file is compressed once.
 */
function compressedBodies(body, contentType) {
  const hash = createHash("sha1").update(body).digest("hex");
  if (!compressed.has(hash)) {
    compressed.set(hash, {
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_MODE]: /wasm/.test(contentType) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        },
      }),
    });
  }
  return compressed.get(hash);
}

/** A body's size raw, gzip-compressed and brotli-compressed; images and fonts count as they are. */
export function compressedSizes(body, contentType) {
  if (!compressible(contentType)) return { raw: body.length, gzip: body.length, brotli: body.length };
  const { gzip, brotli } = compressedBodies(body, contentType);
  return { raw: body.length, gzip: gzip.length, brotli: brotli.length };
}

/** Content types by extension, for compressing a folder ahead (the static server's own table decides what it sends). */
const typeByExtension = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml" };

/**
 * Compresses every text-like file below a folder now, before anything is measured, as a host precompresses its
 * files when they are deployed: serving them then costs the proxy no CPU the browser would miss.
 */
export function precompress(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const contentType = typeByExtension[extname(entry.name)];
    if (contentType) compressedBodies(readFileSync(join(entry.parentPath ?? entry.path, entry.name)), contentType);
  }
}

/** The encoding to send: brotli where the browser accepts it, else gzip, else none. */
function encodingFor(acceptEncoding, contentType) {
  if (!compressible(contentType)) return null;
  if (/\bbr\b/.test(acceptEncoding)) return "br";
  if (/\bgzip\b/.test(acceptEncoding)) return "gzip";
  return null;
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
 * Serves a folder with tests/static-server.mjs on `upstreamPort` and the counting proxy on `port`.
 * Returns the site's origin, `requests()` (everything since the last `reset()`) and `close()`.
 */
export async function serveSite({ staticServer, folder, port, upstreamPort }) {
  precompress(folder);
  const child = spawn(process.execPath, [staticServer, folder, String(upstreamPort)], { stdio: "ignore" });
  await waitForPort(upstreamPort, child);
  let log = [];
  let lastActivity = Date.now();
  let open = 0;
  const proxy = createServer((request, response) => {
    open++;
    const startedAt = Date.now();
    lastActivity = startedAt;
    // Logged when the request arrives, completed when its response has been sent: what was asked before a moment
    // is known at that moment, even while its body is still on the way.
    const entry = {
      path: request.url,
      // Chromium marks the worker's own fetches of its script, and a worker's fetches carry its script as their
      // referrer: that tells the service worker's precaching from the page's own requests.
      serviceWorkerScript: request.headers["service-worker"] === "script",
      byServiceWorker: /\/sw\.js$/.test(String(request.headers.referer ?? "")),
      // Wall-clock milliseconds, comparable with the page's performance.timeOrigin + performance.now().
      startedAt,
      done: false,
    };
    log.push(entry);
    const upstream = httpRequest(
      { host: "127.0.0.1", port: upstreamPort, path: request.url, method: request.method, headers: request.headers },
      (upstreamResponse) => {
        const chunks = [];
        upstreamResponse.on("data", (chunk) => chunks.push(chunk));
        upstreamResponse.on("end", () => {
          const body = Buffer.concat(chunks);
          const contentType = String(upstreamResponse.headers["content-type"] ?? "");
          const encoding = encodingFor(String(request.headers["accept-encoding"] ?? ""), contentType);
          const headers = { ...upstreamResponse.headers };
          let sent = body;
          if (encoding) {
            const bodies = compressedBodies(body, contentType);
            sent = encoding === "br" ? bodies.brotli : bodies.gzip;
            headers["content-encoding"] = encoding;
            headers.vary = "accept-encoding";
          }
          delete headers["transfer-encoding"];
          headers["content-length"] = String(sent.length);
          response.writeHead(upstreamResponse.statusCode ?? 502, headers);
          response.end(sent);
          Object.assign(entry, {
            status: upstreamResponse.statusCode,
            contentType,
            kind: kindOf(contentType),
            body,
            encoding,
            at: Date.now(),
            done: true,
          });
          open--;
          lastActivity = Date.now();
        });
      },
    );
    upstream.on("error", (error) => {
      response.writeHead(502).end(String(error));
      Object.assign(entry, { status: 502, contentType: "", kind: "other", body: Buffer.alloc(0), at: Date.now(), done: true });
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
    /** Every request since the last reset whose response has been sent. */
    requests() {
      return log.filter((entry) => entry.done);
    },
    /** The requests that arrived up to a wall-clock moment, once each has been answered (at most `timeoutMs`). */
    async requestsBefore(moment, timeoutMs = 20000) {
      const started = Date.now();
      const before = () => log.filter((entry) => entry.startedAt <= moment);
      while (before().some((entry) => !entry.done) && Date.now() - started < timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return before().filter((entry) => entry.done);
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
