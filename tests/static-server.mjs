// A static host as simple as the ones Checkwerk is deployed to: files from a folder, the right MIME types, the
// headers docs/hosting.md recommends (including a strict Content-Security-Policy), and for app routes the nearest
// index.html up the path (the SPA fallback documented for common hosts).
// Usage: node static-server.mjs <folder> <port>   (port 0: any free port; the first line printed names it)
//   CHECKWERK_EMBED_URL  where partner-demo.html loads embed.js from, instead of beside it (another origin in the
//                        tests); without it every file is served exactly as it lies, as a plain host does
//   CHECKWERK_CORS=1     allow any origin to fetch files (a partner serving its own catalog)
//   CHECKWERK_SPA_FALLBACK=0  no index.html for app routes: a host without rewrites (a WordPress plugin folder on nginx)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".toml": "text/plain; charset=utf-8",
};

// What the app needs and nothing more: no inline script, wasm compilation allowed, remote catalogs fetchable.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors *",
].join("; ");

async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function fileFor(urlPath) {
  const candidate = normalize(join(root, urlPath));
  if (!candidate.startsWith(root)) return null;
  if (await isFile(candidate)) return candidate;
  if (await isFile(join(candidate, "index.html"))) return join(candidate, "index.html");
  return null;
}

/** The nearest index.html at or above a path: the app that owns the route. */
async function appFor(urlPath) {
  let folder = normalize(join(root, urlPath));
  while (folder.startsWith(root)) {
    if (await isFile(join(folder, "index.html"))) return join(folder, "index.html");
    if (folder === root) break;
    folder = dirname(folder);
  }
  return null;
}

const server = createServer(async (request, response) => {
  const urlPath = decodeURIComponent((request.url ?? "/").split("?")[0]);
  let path = await fileFor(urlPath);
  // Unknown paths without a file extension are app routes: serve the app, as hosts configured per docs do.
  if (!path && extname(urlPath) === "" && process.env.CHECKWERK_SPA_FALLBACK !== "0") path = await appFor(urlPath);
  if (!path) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  let body = await readFile(path);
  if (path.endsWith("partner-demo.html") && process.env.CHECKWERK_EMBED_URL) {
    // The demo partner page loads the widget from the checks host, which may be another origin.
    body = Buffer.from(body.toString("utf8").replace('src="embed.js"', `src="${process.env.CHECKWERK_EMBED_URL}"`));
  }
  const headers = {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    // index.html and the service worker must be revalidated; hashed files could be cached for a year.
    // Trunk names files by a 64-bit hash in hex without leading zeros (so 13 to 16 digits, rarely fewer); the app
    // build names the boot script, the wasm parts and the catalogs' files (`catalogs/<id>-<hash>.json`) by 16.
    "cache-control": /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|json)$/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  };
  if (path.endsWith(".html") && !path.endsWith("partner-demo.html")) headers["content-security-policy"] = contentSecurityPolicy;
  if (process.env.CHECKWERK_CORS === "1") headers["access-control-allow-origin"] = "*";
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${server.address().port}`));
