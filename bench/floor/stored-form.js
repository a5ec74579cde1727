// Checkwerk's stored form of a run, in plain JavaScript for the bench: bench/floor.mjs puts it in front of floor.js,
// so the floor writes what Checkwerk writes, and bench.mjs reads both engines' saved runs with it (in Node, via `vm`).
var CheckwerkStoredForm = (function () {
  "use strict";

  // Checkwerk's stored form (crates/core/src/saved.rs, `store_run`): the run's JSON as UTF-8, compressed as an LZ4
  // block with its size in front, packed 15 bits to a character above U+0100; the first character says how many
  // bits of the last one are padding. Written here by hand, so the floor does the same work per rating.
  var PACK_BASE = 0x100;

  function lz4Compress(src) {
    var n = src.length;
    var out = new Uint8Array(4 + n + ((n / 255) | 0) + 16);
    out[0] = n & 255; out[1] = (n >>> 8) & 255; out[2] = (n >>> 16) & 255; out[3] = (n >>> 24) & 255;
    var o = 4, anchor = 0, i = 0, limit = n - 12;
    var table = new Int32Array(4096).fill(-1);
    function length(value) {
      while (value >= 255) { out[o++] = 255; value -= 255; }
      out[o++] = value;
    }
    function literals(count) {
      out.set(src.subarray(anchor, anchor + count), o);
      o += count;
    }
    while (i < limit) {
      var h = Math.imul(src[i] | (src[i + 1] << 8) | (src[i + 2] << 16) | (src[i + 3] << 24), 2654435761) >>> 20;
      var ref = table[h];
      table[h] = i;
      if (ref < 0 || i - ref > 65535 || src[ref] !== src[i] || src[ref + 1] !== src[i + 1] ||
          src[ref + 2] !== src[i + 2] || src[ref + 3] !== src[i + 3]) {
        i++;
        continue;
      }
      var match = 4, most = n - 5 - i;
      while (match < most && src[ref + match] === src[i + match]) match++;
      var count = i - anchor;
      out[o++] = (Math.min(count, 15) << 4) | Math.min(match - 4, 15);
      if (count >= 15) length(count - 15);
      literals(count);
      out[o++] = (i - ref) & 255; out[o++] = (i - ref) >>> 8;
      if (match - 4 >= 15) length(match - 4 - 15);
      i += match;
      anchor = i;
    }
    var rest = n - anchor;
    out[o++] = Math.min(rest, 15) << 4;
    if (rest >= 15) length(rest - 15);
    literals(rest);
    return out.subarray(0, o);
  }

  function lz4Decompress(src) {
    var n = src[0] | (src[1] << 8) | (src[2] << 16) | (src[3] << 24);
    var out = new Uint8Array(n), i = 4, o = 0, byte;
    while (i < src.length) {
      var token = src[i++], count = token >> 4;
      if (count === 15) do { byte = src[i++]; count += byte; } while (byte === 255);
      out.set(src.subarray(i, i + count), o);
      i += count; o += count;
      if (i >= src.length) break;
      var offset = src[i] | (src[i + 1] << 8), match = token & 15;
      i += 2;
      if (match === 15) do { byte = src[i++]; match += byte; } while (byte === 255);
      for (match += 4; match > 0; match--, o++) out[o] = out[o - offset];
    }
    return out;
  }

  function pack(bytes) {
    var bits = bytes.length * 8, characters = Math.ceil(bits / 15);
    var codes = [PACK_BASE + (characters * 15 - bits)], buffer = 0, buffered = 0;
    for (var i = 0; i < bytes.length; i++) {
      buffer = ((buffer << 8) | bytes[i]) & 0x7fffff;
      buffered += 8;
      if (buffered >= 15) {
        buffered -= 15;
        codes.push(PACK_BASE + ((buffer >> buffered) & 0x7fff));
      }
    }
    if (buffered > 0) codes.push(PACK_BASE + ((buffer << (15 - buffered)) & 0x7fff));
    var text = "";
    for (var start = 0; start < codes.length; start += 8192) text += String.fromCharCode.apply(null, codes.slice(start, start + 8192));
    return text;
  }

  function unpack(text) {
    var padding = text.charCodeAt(0) - PACK_BASE, bytes = [], buffer = 0, buffered = 0;
    for (var i = 1; i < text.length; i++) {
      buffer = ((buffer << 15) | (text.charCodeAt(i) - PACK_BASE)) & 0x3fffffff;
      buffered += 15;
      if (i === text.length - 1) { buffer >>= padding; buffered -= padding; }
      while (buffered >= 8) { buffered -= 8; bytes.push((buffer >> buffered) & 255); }
    }
    return new Uint8Array(bytes);
  }

  function store(run) {
    var packed = pack(lz4Compress(new TextEncoder().encode(JSON.stringify(run))));
    return JSON.stringify({ format: "checkwerk-run", version: 2, packed: packed });
  }

  function load(text) {
    var saved = JSON.parse(text || "null");
    return saved && JSON.parse(new TextDecoder().decode(lz4Decompress(unpack(saved.packed))));
  }

  return { store: store, load: load };
})();
