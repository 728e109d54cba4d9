// A published search file (tim-kiem/chi-muc….js) as the browser reads it: the script run in
// a sandbox (vm) as a <script> element runs it, then its {"deflate": base64} payload
// inflated (zlib, as DecompressionStream('deflate') does) and parsed. See docs/search.md.
'use strict';

const vm = require('node:vm');
const zlib = require('node:zlib');

// The script's text → {key, packed: the base64 text, json: the inflated JSON, data: parsed}.
// Throws unless the file assigns exactly one shard, packed.
function readShardScript(text, filename) {
  const window = {};
  window.window = window;
  vm.runInNewContext(text, window, { filename });
  const keys = Object.keys(window.CONGKHAI_INDEX || {});
  if (keys.length !== 1) throw new Error(`${filename}: assigns ${keys.length} shards`);
  const value = window.CONGKHAI_INDEX[keys[0]];
  if (!value || typeof value.deflate !== 'string' || Object.keys(value).length !== 1) {
    throw new Error(`${filename}: not {"deflate": "…"}`);
  }
  const json = zlib.inflateSync(Buffer.from(value.deflate, 'base64')).toString('utf8');
  return { key: keys[0], packed: value.deflate, json, data: JSON.parse(json) };
}

module.exports = { readShardScript };
