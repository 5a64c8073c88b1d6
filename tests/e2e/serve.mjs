// A plain static file server, like a company file share or an S3 bucket: no rewrites,
// no fallback to index.html. Serves DIR under the URL prefix PREFIX on 127.0.0.1:PORT.
// Usage: node tests/e2e/serve.mjs DIR PORT PREFIX (PORT 0: any free port, printed on start)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
const root = path.resolve(dir);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };

http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!url.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
  let file = path.join(root, url.slice(prefix.length));
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (url.endsWith('/')) file = path.join(file, 'index.html');
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
}).listen(Number(port), '127.0.0.1', function listening() {
  // PORT 0 takes a free port: the line below says which.
  console.log(`serving ${root} at http://127.0.0.1:${this.address().port}${prefix}`);
});
