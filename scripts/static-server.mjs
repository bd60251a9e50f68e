// A tiny static file server for Packet Lab's dist/, with no dependency beyond node itself.
// Used by `./lab serve` and by the browser tests (tests/e2e/helpers.mjs), which serve the build
// under a sub-path (/packet-lab/) to prove it works away from the site root.
//
//   node scripts/static-server.mjs --root dist [--port 8080] [--prefix /] [--host 127.0.0.1]

import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Content types of the files a trunk build produces; .wasm must be application/wasm for
 *  WebAssembly.instantiateStreaming. */
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the files under `root` at URL paths under `prefix` (which starts and ends with "/").
 * Resolves to { url, close } once listening; `url` is the server's origin with a final "/".
 * Port 0 picks a free port.
 */
export async function startStaticServer({ root, prefix = "/", host = "127.0.0.1", port = 0 }) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8", extra = {}) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (urlPath + "/" === prefix) return send(301, "", undefined, { location: prefix });
    if (!urlPath.startsWith(prefix)) return send(404, "not found\n");
    let file = path.join(base, urlPath.slice(prefix.length));
    // path.join normalises "..": anything that ends up outside root is refused.
    if (file !== base && !file.startsWith(base + path.sep)) return send(404, "not found\n");
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      // A slow page engine, to find what waits for it (docs/size.md): PACKET_LAB_SLOW_ENGINE_MS=1500
      // delays the page's engine module (src/playback/engine.rs) by that much.
      const slow = Number(process.env.PACKET_LAB_SLOW_ENGINE_MS ?? 0);
      if (slow > 0 && /packet-lab-load-engine-/.test(file)) await new Promise((r) => setTimeout(r, slow));
      send(200, body, TYPES[path.extname(file)] ?? "application/octet-stream");
    } catch {
      send(404, "not found\n");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Command-line use (./lab serve).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = { root: "dist", port: "8080", prefix: "/", host: "127.0.0.1" };
  for (let i = 2; i < process.argv.length; i += 2) {
    const key = process.argv[i].replace(/^--/, "");
    if (!(key in args) || process.argv[i + 1] === undefined) {
      console.error(`usage: node scripts/static-server.mjs --root DIR [--port N] [--prefix /path/] [--host H]`);
      process.exit(2);
    }
    args[key] = process.argv[i + 1];
  }
  try {
    const { url } = await startStaticServer({ ...args, port: Number(args.port) });
    console.log(`Packet Lab is served at ${url}${args.prefix.slice(1)}  (Ctrl-C stops)`);
  } catch (err) {
    const hint = err.code === "EADDRINUSE" ? ` (port ${args.port} is taken: try PORT=8090 ./lab serve)` : "";
    console.error(`static-server: cannot listen on ${args.host}:${args.port}: ${err.message}${hint}`);
    process.exit(1);
  }
}
