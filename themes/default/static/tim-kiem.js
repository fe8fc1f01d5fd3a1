/* congkhai search: Vietnamese with or without diacritics. No framework, no WebAssembly.
 * The index (built by src/search/, formats in src/search/pack.rs): meta.json, the directory
 * files d/<n>.bin of the query's syllables, then, by byte range, the chunks of postings a
 * query needs (t/) and the blocks of texts of the results shown (r/, located by b/), all
 * gzip-compressed and decompressed here. The core functions below are also loaded by the
 * unit tests in Node (module.exports at the end). */
(function () {
  'use strict';

  var BODY = 1000;
  var VARIANTS = 16;
  var PAGE = 20;
  // The ranking weights when the index gives none (meta.weights, written by
  // src/search/mod.rs, wins): phrase bonuses, and no prior by kind.
  var DEFAULT_WEIGHTS = { kindPrior: {}, phraseAdjacent: 4, phraseAdjacentTitle: 8, phraseChain: 6, phraseChainTitle: 12 };
  // Results shown for each kind while they are grouped by kind.
  var PER_GROUP = 5;
  var MARKS = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]/g;

  /** Lowercase, without tones or letter marks, đ → d (same as src/vietnamese.rs fold). */
  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').normalize('NFC');
  }

  /** Syllables of `text` with exact and folded forms and offsets in the NFC text
   * (same rules as src/search/tokenize.rs). */
  function tokenize(text) {
    var s = text.normalize('NFC');
    var chars = Array.from(s);
    var tokens = [];
    var current = '';
    var start = 0;
    var offset = 0;
    var word = /[\p{L}\p{N}]/u;
    var digit = /[0-9]/;
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      var inside = (c === '.' || c === ',') && i > 0 && digit.test(chars[i - 1]) &&
        i + 1 < chars.length && digit.test(chars[i + 1]);
      if (word.test(c) || inside) {
        if (current === '') start = offset;
        current += c;
      } else if (current !== '') {
        tokens.push(token(current, start, offset));
        current = '';
      }
      offset += c.length;
    }
    if (current !== '') tokens.push(token(current, start, offset));
    return tokens;
  }

  function token(raw, start, end) {
    var exact = raw.toLowerCase().normalize('NFC');
    return { exact: exact, folded: fold(exact).replace(/\./g, ''), start: start, end: end };
  }

  /** The shard file name of a folded syllable (same as shard_key in Rust). */
  function shardKey(folded) {
    var prefix = Array.from(folded).slice(0, 3).join('');
    if (/^[a-z0-9]+$/.test(prefix)) return prefix;
    var bytes = new TextEncoder().encode(prefix);
    var hex = 'x';
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return hex;
  }

  /** phrase → list of equivalent phrases (arrays of folded syllables), from meta.synonyms. */
  function synonymMap(groups) {
    var map = new Map();
    var longest = 1;
    (groups || []).forEach(function (group) {
      group.forEach(function (phrase) {
        var list = map.get(phrase) || [];
        group.forEach(function (other) { if (list.indexOf(other) < 0) list.push(other); });
        map.set(phrase, list);
        longest = Math.max(longest, phrase.split(' ').length);
      });
    });
    return { map: map, longest: longest };
  }

  /** The query as slots: each slot is one syllable, or a phrase with its synonyms. */
  function parseQuery(text, synonyms) {
    var tokens = tokenize(text);
    var marked = tokens.some(function (t) { return t.exact !== t.folded; });
    var slots = [];
    var i = 0;
    while (i < tokens.length) {
      var found = null;
      for (var len = Math.min(synonyms.longest, tokens.length - i); len >= 1 && !found; len--) {
        var phrase = tokens.slice(i, i + len).map(function (t) { return t.folded; }).join(' ');
        var alts = synonyms.map.get(phrase);
        if (alts) found = { len: len, phrase: phrase, alts: alts };
      }
      if (found) {
        slots.push({
          tokens: tokens.slice(i, i + found.len),
          alts: found.alts.map(function (p) { return { words: p.split(' '), literal: p === found.phrase }; }),
          prefix: false
        });
        i += found.len;
      } else {
        slots.push({ tokens: [tokens[i]], alts: [{ words: [tokens[i].folded], literal: true }], prefix: false });
        i += 1;
      }
    }
    var last = slots[slots.length - 1];
    if (last && last.alts.length === 1 && last.tokens.length === 1 && !/\s$/.test(text) &&
        Array.from(last.tokens[0].folded).length >= 3) {
      last.prefix = true;
    }
    return { tokens: tokens, slots: slots, marked: marked };
  }

  /** The place a query names (`places`: [[id, name]], provinces), as {index, rest}: the
   * index of the longest place name found as consecutive syllables of `text` (after an
   * optional "tỉnh"), and the query without it; null when none, or nothing else is asked. */
  function placeIn(text, places) {
    var tokens = tokenize(text);
    var best = null;
    places.forEach(function (place, index) {
      var words = tokenize(place[1]).map(function (t) { return t.folded; });
      for (var i = 0; i + words.length <= tokens.length; i++) {
        var ok = words.every(function (w, k) { return tokens[i + k].folded === w; });
        if (!ok) continue;
        var from = i > 0 && tokens[i - 1].folded === 'tinh' ? i - 1 : i;
        if (!best || words.length > best.words) best = { index: index, from: from, to: i + words.length, words: words.length };
      }
    });
    if (!best) return null;
    var s = text.normalize('NFC');
    var rest = (s.slice(0, best.from === 0 ? 0 : tokens[best.from].start) + ' ' +
      s.slice(best.to >= tokens.length ? s.length : tokens[best.to].start)).trim();
    if (tokenize(rest).length === 0) return null;
    return { index: best.index, rest: rest };
  }

  /** Reads a LEB128 varint of `bytes` at `at.i`, moving `at.i` past it. */
  function varint(bytes, at) {
    var value = 0;
    var shift = 0;
    for (;;) {
      var byte = bytes[at.i++];
      if (byte === undefined) throw new Error('chỉ mục bị cắt cụt');
      value += (byte & 0x7f) * Math.pow(2, shift);
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  var DECODER = typeof TextDecoder !== 'undefined' ? new TextDecoder() : null;
  function text(bytes, at) {
    var n = varint(bytes, at);
    var s = DECODER.decode(bytes.subarray(at.i, at.i + n));
    at.i += n;
    return s;
  }

  /** FNV-1a of a shard key: which directory file holds its syllables (as src/search/pack.rs). */
  function fnv(key) {
    var bytes = new TextEncoder().encode(key);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  /** The directory file of a folded syllable, of `files` files. */
  function directoryOf(folded, files) {
    return fnv(shardKey(folded)) % files;
  }

  /** The entries of a directory file (decompressed): Map folded → {variants, count, inline,
   * chunks: [{offset, length, first, last}]}. */
  function parseDirectory(bytes) {
    var at = { i: 0 };
    var n = varint(bytes, at);
    var map = new Map();
    for (var k = 0; k < n; k++) {
      var word = text(bytes, at);
      var variants = [];
      var nv = varint(bytes, at);
      for (var v = 0; v < nv; v++) variants.push(text(bytes, at));
      var entry = { variants: variants, count: varint(bytes, at), inline: null, chunks: [] };
      var chunks = varint(bytes, at);
      if (chunks === 0) {
        var len = varint(bytes, at);
        entry.inline = bytes.subarray(at.i, at.i + len);
        at.i += len;
      } else {
        var offset = varint(bytes, at);
        var last = 0;
        for (var c = 0; c < chunks; c++) {
          var length = varint(bytes, at);
          var first = last + varint(bytes, at);
          last = first + varint(bytes, at);
          entry.chunks.push({ offset: offset, length: length, first: first, last: last });
          offset += length;
        }
      }
      map.set(word, entry);
    }
    return map;
  }

  /** Adds the postings of a chunk (decompressed; gaps from `base`) of a syllable with
   * `forms` exact forms to `records` (Map record → [position × 16 + form]). */
  function decodePostings(bytes, base, forms, records) {
    var width = Math.max(1, Math.min(forms, VARIANTS));
    var at = { i: 0 };
    var record = base;
    while (at.i < bytes.length) {
      record += varint(bytes, at);
      var n = varint(bytes, at);
      var list = [];
      var position = 0;
      for (var k = 0; k < n; k++) {
        var value = varint(bytes, at);
        position += Math.floor(value / width);
        list.push(position * VARIANTS + value % width);
      }
      records.set(record, list);
    }
    return records;
  }

  /** Occurrences of one slot: Map record → [{start, end, value}]. `lookup(folded)` gives a
   * decoded entry or null; `prefixes(prefix)` gives the folded words that start with it. */
  function slotOccurrences(slot, marked, lookup, prefixes) {
    var result = new Map();
    function push(record, occ) {
      var list = result.get(record);
      if (!list) result.set(record, (list = []));
      list.push(occ);
    }
    slot.alts.forEach(function (alt) {
      if (alt.words.length === 1) {
        var words = [{ word: alt.words[0], prefix: false }];
        if (slot.prefix) {
          prefixes(alt.words[0]).forEach(function (w) {
            if (w !== alt.words[0]) words.push({ word: w, prefix: true });
          });
        }
        var typed = slot.tokens.length === 1 ? slot.tokens[0].exact : null;
        words.forEach(function (w) {
          var entry = lookup(w.word);
          if (!entry) return;
          entry.records.forEach(function (occs, record) {
            occs.forEach(function (o) {
              var pos = Math.floor(o / VARIANTS);
              var variant = entry.variants[o % VARIANTS];
              var exact = marked && alt.literal && typed !== null && !w.prefix && variant === typed;
              var value = (pos < BODY ? 8 : 1) * (exact ? 2 : 1) * (w.prefix ? 0.5 : 1) * (alt.literal ? 1 : 0.8);
              push(record, { start: pos, end: pos, value: value });
            });
          });
        });
        return;
      }
      // A phrase of the synonym group: its words must be consecutive.
      var entries = alt.words.map(lookup);
      if (entries.some(function (e) { return !e; })) return;
      entries[0].records.forEach(function (occs, record) {
        var sets = entries.map(function (e) {
          var list = e.records.get(record);
          return list ? new Set(list.map(function (o) { return Math.floor(o / VARIANTS); })) : null;
        });
        if (sets.some(function (s) { return !s; })) return;
        sets[0].forEach(function (pos) {
          for (var k = 1; k < sets.length; k++) if (!sets[k].has(pos + k)) return;
          var value = (pos < BODY ? 8 : 1) * (alt.literal ? 1.5 : 1);
          push(record, { start: pos, end: pos + sets.length - 1, value: value });
        });
      });
    });
    return result;
  }

  /** Scores every record that matches all slots; `kinds` is meta.recordKinds and
   * `kindLabels` meta.kinds (each record's kind adds weights.kindPrior[its label]); `weights`
   * is meta.weights. Returns [{record, score}]. */
  function rank(query, lookup, prefixes, kinds, kindLabels, weights) {
    if (query.slots.length === 0) return [];
    var w = weights || DEFAULT_WEIGHTS;
    var priors = (kindLabels || []).map(function (label) { return (w.kindPrior || {})[label] || 0; });
    var perSlot = query.slots.map(function (slot) {
      return slotOccurrences(slot, query.marked, lookup, prefixes);
    });
    var results = [];
    perSlot[0].forEach(function (_, record) {
      var lists = perSlot.map(function (m) { return m.get(record); });
      if (lists.some(function (l) { return !l; })) return;
      var score = 0;
      lists.forEach(function (list) {
        var best = 0;
        list.forEach(function (o) { best = Math.max(best, o.value); });
        score += best + 0.5 * Math.log2(1 + list.length);
      });
      // Consecutive slots in order: a phrase ranks above scattered words.
      for (var k = 0; k + 1 < lists.length; k++) {
        var ends = new Set(lists[k].map(function (o) { return o.end; }));
        var inTitle = false;
        var adjacent = lists[k + 1].some(function (o) {
          if (ends.has(o.start - 1)) { inTitle = inTitle || o.start < BODY; return true; }
          return false;
        });
        if (adjacent) score += inTitle ? w.phraseAdjacentTitle : w.phraseAdjacent;
      }
      if (lists.length > 1) {
        var chain = new Set(lists[0].map(function (o) { return o.end; }));
        for (var j = 1; j < lists.length && chain.size; j++) {
          var next = new Set();
          lists[j].forEach(function (o) { if (chain.has(o.start - 1)) next.add(o.end); });
          chain = next;
        }
        if (chain.size) {
          var title = false;
          chain.forEach(function (e) { if (e < BODY) title = true; });
          score += title ? w.phraseChainTitle : w.phraseChain;
        }
      }
      results.push({ record: record, score: score + ((kinds ? priors[kinds[record]] : 0) || 0) });
    });
    results.sort(function (a, b) { return b.score - a.score || a.record - b.record; });
    return results;
  }

  /** How well a syllable of a result matches `query` (parsed, with `matches`: the folded
   * words searched, synonyms and prefix completions included): 2 when it is a word searched as
   * it was typed (with the marks typed, if any), 1 when it matches only without its marks
   * ("Sở" for "số"), 0 when it does not match. */
  function matcher(query) {
    var match = function (folded, exact) {
      var best = 0;
      query.tokens.forEach(function (t) {
        if (t.folded !== folded) return;
        best = Math.max(best, t.exact === t.folded || t.exact === exact ? 2 : 1);
      });
      if (best === 0 && query.matches && query.matches.has(folded)) best = query.marked ? 1 : 2;
      return best;
    };
    // A query of several syllables marks the places where they follow each other ("chuyển
    // đổi số"), not a lone syllable that only looks alike ("chuyên").
    match.phrase = query.tokens.length > 1;
    return match;
  }

  /** Keeps, where `levels` (per syllable) has runs of two or more matching syllables in a
   * row, only those runs; otherwise every match. */
  function keepRuns(levels) {
    var inRun = levels.map(function () { return false; });
    var any = false;
    var i = 0;
    while (i < levels.length) {
      if (levels[i] === 0) { i++; continue; }
      var j = i;
      while (j + 1 < levels.length && levels[j + 1] > 0) j++;
      if (j > i) {
        any = true;
        for (var k = i; k <= j; k++) inRun[k] = true;
      }
      i = j + 1;
    }
    return any ? levels.map(function (level, n) { return inRun[n] ? level : 0; }) : levels;
  }

  /** Pieces of `text` with the matched syllables marked: [{text, mark}]. `matches(folded,
   * exact)` says how well a syllable matches (true or 2: fully, 1: only without its marks, see
   * `matcher`); only the best level found in the text is marked, so that a query typed with
   * marks marks the words written that way when there are any. With `window`, only about that
   * many syllables around the densest group of matches, with "…". */
  function highlight(text, matches, window) {
    var tokens = tokenize(text);
    var s = text.normalize('NFC');
    var levels = tokens.map(function (t) {
      var level = matches(t.folded, t.exact);
      return level === true ? 2 : (level || 0);
    });
    if (matches.phrase) levels = keepRuns(levels);
    var best = Math.max.apply(null, [0].concat(levels));
    var hits = [];
    levels.forEach(function (level, i) { if (best > 0 && level === best) hits.push(i); });
    var from = 0;
    var to = tokens.length;
    if (window && tokens.length > window) {
      var bestStart = 0;
      var bestCount = -1;
      hits.forEach(function (h) {
        var count = hits.filter(function (x) { return x >= h && x < h + window; }).length;
        if (count > bestCount) { bestCount = count; bestStart = h; }
      });
      from = Math.max(0, bestStart - Math.floor(window / 4));
      to = Math.min(tokens.length, from + window);
    }
    var pieces = [];
    var cursor = from === 0 ? 0 : tokens[from].start;
    if (from > 0) pieces.push({ text: '… ', mark: false });
    for (var i = from; i < to; i++) {
      var t = tokens[i];
      if (best === 0 || levels[i] !== best) continue;
      if (t.start > cursor) pieces.push({ text: s.slice(cursor, t.start), mark: false });
      pieces.push({ text: s.slice(t.start, t.end), mark: true });
      cursor = t.end;
    }
    var end = to >= tokens.length ? s.length : tokens[to - 1].end;
    if (end > cursor) pieces.push({ text: s.slice(cursor, end), mark: false });
    if (to < tokens.length) pieces.push({ text: ' …', mark: false });
    return pieces;
  }

  var core = {
    fold: fold, tokenize: tokenize, shardKey: shardKey, synonymMap: synonymMap,
    parseQuery: parseQuery, rank: rank, highlight: highlight, matcher: matcher,
    placeIn: placeIn, varint: varint, fnv: fnv, directoryOf: directoryOf,
    parseDirectory: parseDirectory, decodePostings: decodePostings
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = core;
  if (typeof document === 'undefined') return;

  // ---- The search page ----
  var app = document.getElementById('tk-ung-dung');
  if (!app) return;
  var base = app.getAttribute('data-index');
  var root = app.getAttribute('data-root');
  var input = document.getElementById('tk-q');
  var form = input.form;
  var kindSelect = document.getElementById('tk-loai');
  var provinceSelect = document.getElementById('tk-tinh');
  var statusLine = document.getElementById('tk-trang-thai');
  var headerBox = document.getElementById('o-tim');
  var list = document.getElementById('tk-ket-qua');
  var more = document.getElementById('tk-them');
  var readOn = document.getElementById('tk-tiep');
  var cache = new Map();
  var meta = null;
  var synonyms = null;
  var streams = null;
  var current = { query: null, results: [], shown: 0, run: 0, all: null, view: null };
  // Compressed bytes of postings one reading may fetch; "Tìm tiếp" reads as much again.
  var BUDGET = 24 * 1024;
  // Results after which a reading stops even within its budget.
  var ENOUGH = 500;

  // A page opened from a disk (file://, a copy built with --relative-links) cannot fetch the
  // index: browsers refuse it. The build writes each index file as a script too, which
  // hands its data to congkhaiChiMuc(path, data) (a .bin file's bytes in base64).
  var fromDisk = location.protocol === 'file:';
  var waiting = {};
  window.congkhaiChiMuc = function (path, data) {
    var done = waiting[path];
    delete waiting[path];
    if (done) done(data);
  };
  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      waiting[path] = resolve;
      var script = document.createElement('script');
      script.src = base + path.replace(/\.(json|bin)$/, '.js');
      script.onerror = function () {
        delete waiting[path];
        reject(new Error(path + ': không đọc được tệp chỉ mục từ ổ đĩa; hãy dựng bản này với --relative-links'));
      };
      document.head.appendChild(script);
    });
  }

  // On a disk, a folder's page is its index.html: `van-ban/x/#r-1` → `van-ban/x/index.html#r-1`.
  function pageUrl(url) {
    return fromDisk ? url.replace(/\/(?=[#?]|$)/, '/index.html') : url;
  }

  function once(key, make) {
    if (!cache.has(key)) {
      var promise = make();
      cache.set(key, promise);
      promise.catch(function () { cache.delete(key); });
    }
    return cache.get(key);
  }

  function getJSON(path) {
    return once(path, function () {
      return fromDisk ? loadScript(path) : fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      });
    });
  }

  function fromBase64(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  /** A whole .bin file (on a disk: its script). */
  function getFile(path) {
    return once(path, function () {
      return fromDisk ? loadScript(path).then(fromBase64) : fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
    });
  }

  /** `length` bytes from `offset` of a stream (t, r, b) cut into files of meta.packBytes: one
   * range request per file it spans (on a disk, the whole files). */
  function readRange(stream, offset, length) {
    return once(stream + ':' + offset + ':' + length, function () {
      var size = meta.packBytes;
      var parts = [];
      for (var at = offset; at < offset + length;) {
        var file = Math.floor(at / size);
        var from = at - file * size;
        var to = Math.min(size, offset + length - file * size);
        parts.push(readPart(stream + '/' + file + '.bin', from, to));
        at = file * size + to;
      }
      return Promise.all(parts).then(function (list) {
        var out = new Uint8Array(length);
        var k = 0;
        list.forEach(function (p) { out.set(p, k); k += p.length; });
        return out;
      });
    });
  }

  // Whether the server answers byte ranges: unknown (null) until its first answer to one.
  // One that ignores them (python3 -m http.server) sends the whole file: it is kept, and
  // later reads of that file are cut from it instead of downloading it again.
  var rangesServed = null;
  var firstRange = null;

  function readPart(path, from, to) {
    if (fromDisk || rangesServed === false) {
      return getFile(path).then(function (bytes) { return bytes.subarray(from, to); });
    }
    if (rangesServed === null && firstRange) {
      // Until the first answer says whether ranges work, wait for it rather than risk a
      // whole file per read.
      return firstRange.then(function () { return readPart(path, from, to); });
    }
    var answer = fetch(base + path, { headers: { Range: 'bytes=' + from + '-' + (to - 1) } }).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      if (r.status !== 206) {
        rangesServed = false;
        // The whole file: kept as the file itself.
        once(path, function () {
          return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
        });
        return null;
      }
      rangesServed = true;
      return r;
    });
    if (rangesServed === null) {
      firstRange = answer.then(function () {}, function () { firstRange = null; });
    }
    return answer.then(function (r) {
      if (!r) return readPart(path, from, to);
      return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    });
  }

  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  function loadMeta() {
    return getJSON('meta.json').then(function (m) {
      meta = m;
      synonyms = synonymMap(m.synonyms);
      // Each stream's first record and first block of texts.
      var record = 0;
      var block = 0;
      streams = m.streams.map(function (s) {
        var stream = { kind: String(s[0]), province: s[1], count: s[2], perBlock: s[3], first: record, block: block };
        record += s[2];
        block += Math.ceil(s[2] / s[3]);
        return stream;
      });
      meta.total = record;
      return m;
    });
  }

  function streamOf(record) {
    var lo = 0;
    var hi = streams.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (streams[mid].first <= record) lo = mid; else hi = mid - 1;
    }
    return streams[lo];
  }
  function kindOf(record) { return streamOf(record).kind; }
  function provinceOf(record) { return streamOf(record).province; }

  /** The directory entries of `words`: Map word → entry (absent when not indexed). */
  function directory(words) {
    var files = new Set(words.map(function (w) { return directoryOf(w, meta.directory); }));
    return Promise.all(Array.from(files).map(function (n) {
      return once('d' + n, function () {
        return getFile('d/' + n + '.bin').then(gunzip).then(parseDirectory);
      });
    })).then(function (maps) {
      var found = new Map();
      maps.forEach(function (map) {
        words.forEach(function (w) { if (map.has(w)) found.set(w, map.get(w)); });
      });
      return { found: found, maps: maps };
    });
  }

  function wordsOf(query) {
    var words = [];
    query.slots.forEach(function (slot) {
      slot.alts.forEach(function (alt) { words = words.concat(alt.words); });
    });
    return words;
  }

  /** A query made ready to read: its directory entries, its completions, the words that
   * drive the reading (those of its rarest slot) and the others. */
  function prepare(text) {
    return (meta ? Promise.resolve(meta) : loadMeta()).then(function () {
      var place = placeIn(text, meta.provinces);
      var query = parseQuery(place ? place.rest : text, synonyms);
      return directory(wordsOf(query)).then(function (dir) {
        var entries = dir.found;
        var completions = new Map();
        query.slots.forEach(function (slot) {
          if (!slot.prefix) return;
          var prefix = slot.alts[0].words[0];
          var list = [];
          dir.maps.forEach(function (map) {
            map.forEach(function (entry, w) {
              if (w !== prefix && w.indexOf(prefix) === 0) list.push(w);
            });
          });
          list.sort();
          list.slice(0, 30).forEach(function (w) {
            completions.set(w, true);
            dir.maps.forEach(function (map) { if (map.has(w)) entries.set(w, map.get(w)); });
          });
          slot.completions = list.slice(0, 30);
        });
        var count = function (w) { var e = entries.get(w); return e ? e.count : 0; };
        // Each slot's words that find its candidates: every one-word alternative (and the
        // completions), the rarest word of each phrase.
        var drivers = query.slots.map(function (slot) {
          var words = [];
          slot.alts.forEach(function (alt) {
            if (alt.words.some(function (w) { return count(w) === 0; })) return;
            var rarest = alt.words.slice().sort(function (a, b) { return count(a) - count(b); })[0];
            words.push(rarest);
          });
          (slot.completions || []).forEach(function (w) { words.push(w); });
          return words;
        });
        var costs = drivers.map(function (words) {
          return words.reduce(function (sum, w) { return sum + count(w); }, 0);
        });
        var best = 0;
        costs.forEach(function (c, i) { if (c < costs[best]) best = i; });
        var all = new Set(wordsOf(query).concat(Array.from(completions.keys())).filter(function (w) {
          return count(w) > 0;
        }));
        var driving = drivers[best] || [];
        var others = Array.from(all).filter(function (w) { return driving.indexOf(w) < 0; });
        query.matches = new Set(wordsOf(query).concat(Array.from(completions.keys())));
        return {
          query: query, place: place, entries: entries, driving: driving, others: others,
          empty: query.slots.length === 0 || costs[best] === 0
        };
      });
    });
  }

  /** A reading of a prepared query over record `ranges` ([from, to) in order). */
  function reading(prepared, ranges) {
    var postings = new Map();
    prepared.entries.forEach(function (entry, w) {
      var records = new Map();
      if (entry.inline) decodePostings(entry.inline, 0, entry.variants.length, records);
      postings.set(w, { variants: entry.variants, records: records, loaded: new Set() });
    });
    return {
      prepared: prepared, ranges: ranges, range: 0, cursor: ranges.length ? ranges[0][0] : 0,
      done: prepared.empty || ranges.length === 0, postings: postings, results: []
    };
  }

  function chunkAt(entry, record) {
    var chunks = entry.chunks;
    var lo = 0;
    var hi = chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (chunks[mid].last < record) lo = mid + 1; else hi = mid;
    }
    return chunks.length && chunks[lo].last >= record ? lo : -1;
  }

  function loadChunk(state, word, n) {
    var entry = state.prepared.entries.get(word);
    var chunk = entry.chunks[n];
    var target = state.postings.get(word);
    return readRange('t', chunk.offset, chunk.length).then(gunzip).then(function (bytes) {
      if (!target.loaded.has(n)) {
        target.loaded.add(n);
        decodePostings(bytes, chunk.first, entry.variants.length, target.records);
      }
    });
  }

  function unread(state, word, n) {
    return n >= 0 && !state.postings.get(word).loaded.has(n);
  }

  /** Reads on within `budget` bytes of postings: the chunks of the driving words from the
   * cursor, then only the chunks of the other words that hold their candidates. */
  function step(state, budget) {
    var spent = 0;
    var before = state.results.length;
    var moved = false;
    var prepared = state.prepared;
    function loop() {
      if (state.done || spent >= budget || state.results.length - before >= ENOUGH) return Promise.resolve();
      var range = state.ranges[state.range];
      var end = range[1];
      var needed = [];
      prepared.driving.forEach(function (w) {
        var entry = prepared.entries.get(w);
        if (entry.inline) return;
        var n = chunkAt(entry, state.cursor);
        if (n < 0 || entry.chunks[n].first >= range[1]) return;
        end = Math.min(end, entry.chunks[n].last + 1);
        if (unread(state, w, n)) { needed.push([w, n]); spent += entry.chunks[n].length; }
      });
      return Promise.all(needed.map(function (x) { return loadChunk(state, x[0], x[1]); })).then(function () {
        var candidates = new Set();
        prepared.driving.forEach(function (w) {
          state.postings.get(w).records.forEach(function (_, r) {
            if (r >= state.cursor && r < end) candidates.add(r);
          });
        });
        var sorted = Array.from(candidates).sort(function (a, b) { return a - b; });
        var plan = new Map();
        var covered = end;
        var stop = false;
        for (var i = 0; i < sorted.length; i++) {
          var c = sorted[i];
          var cost = 0;
          var add = [];
          prepared.others.forEach(function (w) {
            var n = chunkAt(prepared.entries.get(w), c);
            var key = w + '\u0000' + n;
            if (unread(state, w, n) && !plan.has(key)) {
              add.push([key, w, n]);
              cost += prepared.entries.get(w).chunks[n].length;
            }
          });
          // Over the budget: stop before this candidate, unless it is the first one of a
          // reading that has not moved yet.
          if (spent + cost > budget && (i > 0 || moved)) { covered = c; stop = true; break; }
          spent += cost;
          add.forEach(function (x) { plan.set(x[0], [x[1], x[2]]); });
        }
        return Promise.all(Array.from(plan.values()).map(function (x) {
          return loadChunk(state, x[0], x[1]);
        })).then(function () {
          if (covered > state.cursor) moved = true;
          state.cursor = covered;
          if (state.cursor >= range[1]) {
            state.range += 1;
            if (state.range >= state.ranges.length) state.done = true;
            else state.cursor = state.ranges[state.range][0];
          }
          rankRead(state);
          return stop ? null : loop();
        });
      });
    }
    return loop();
  }

  /** Whether `record` is in the part of the ranges read so far. */
  function read(state, record) {
    for (var i = 0; i < state.ranges.length; i++) {
      var r = state.ranges[i];
      if (record < r[0]) return false;
      if (record < r[1]) return i < state.range || (i === state.range && (state.done || record < state.cursor));
    }
    return false;
  }

  function rankRead(state) {
    var prepared = state.prepared;
    var lookup = function (w) { return state.postings.get(w) || null; };
    var prefixes = function () { return prepared.query.slots[prepared.query.slots.length - 1].completions || []; };
    var labels = meta.kinds;
    var results = rank(prepared.query, lookup, prefixes, null, labels, meta.weights);
    var priors = labels.map(function (label) { return ((meta.weights || {}).kindPrior || {})[label] || 0; });
    state.results = results.filter(function (r) { return read(state, r.record); }).map(function (r) {
      return { record: r.record, score: r.score + (priors[Number(kindOf(r.record))] || 0) };
    });
    state.results.sort(function (a, b) { return b.score - a.score || a.record - b.record; });
  }

  /** The record ranges of a kind and a province ('' for any, a province's index). */
  function rangesOf(kind, province) {
    var ranges = [];
    streams.forEach(function (s) {
      if (kind !== '' && s.kind !== kind) return;
      if (province !== '' && String(s.province) !== String(province)) return;
      var last = ranges[ranges.length - 1];
      if (last && last[1] === s.first) last[1] = s.first + s.count;
      else ranges.push([s.first, s.first + s.count]);
    });
    return ranges;
  }

  /** Runs a query: prepares it and reads a first budget. Resolves to a reading ({prepared,
   * results, done}): a province named in the query narrows the reading to it. */
  function search(text, kind, province) {
    return prepare(text).then(function (prepared) {
      var where = prepared.place ? String(prepared.place.index) : (province || '');
      var state = reading(prepared, rangesOf(kind || '', where));
      return step(state, BUDGET).then(function () { rankRead(state); return state; });
    });
  }

  /** The stored texts of these records: [{title, url, context, body, kind, province}]. */
  function details(records) {
    return Promise.all(records.map(function (record) {
      var s = streamOf(record);
      var local = record - s.first;
      var block = s.block + Math.floor(local / s.perBlock);
      return readRange('b', block * 4, 8).then(function (bytes) {
        var view = new DataView(bytes.buffer, bytes.byteOffset, 8);
        var from = view.getUint32(0, true);
        var to = view.getUint32(4, true);
        return readRange('r', from, to - from).then(gunzip);
      }).then(function (bytes) {
        var rows = JSON.parse(DECODER.decode(bytes));
        var row = rows[local % s.perBlock];
        return {
          record: record, title: row[0], url: pageUrl(root + row[1]), context: row[2], body: row[3],
          kind: meta.kinds[Number(s.kind)],
          province: s.province >= 0 ? meta.provinces[s.province][1] : null
        };
      });
    }));
  }

  function filtered() {
    var kind = kindSelect.value;
    var province = provinceSelect.value;
    return current.view.results.filter(function (r) {
      return (kind === '' || kindOf(r.record) === kind) &&
        (province === '' || String(provinceOf(r.record)) === province);
    });
  }

  function fillSelect(select, counts, label, plus) {
    var chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    counts.forEach(function (count, value) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = label(value) + ' (' + count + plus + ')';
      select.appendChild(option);
    });
    select.value = counts.has(chosen) ? chosen : '';
  }

  function updateFilters() {
    var kinds = new Map();
    var provinces = new Map();
    var all = current.all;
    if (!all.done) {
      // Read in part: every kind and province that has records can still have results.
      streams.forEach(function (s) {
        if (all.prepared.place && s.province !== all.prepared.place.index) return;
        kinds.set(s.kind, 0);
        if (s.province >= 0) provinces.set(String(s.province), 0);
      });
    }
    all.results.forEach(function (r) {
      var k = kindOf(r.record);
      kinds.set(k, (kinds.get(k) || 0) + 1);
      var p = String(provinceOf(r.record));
      if (p !== '-1') provinces.set(p, (provinces.get(p) || 0) + 1);
    });
    var plus = all.done ? '' : '+';
    fillSelect(kindSelect, new Map(Array.from(kinds).sort()), function (k) { return meta.kinds[Number(k)]; }, plus);
    fillSelect(provinceSelect, new Map(Array.from(provinces).sort(function (a, b) { return a[0] - b[0]; })),
      function (p) { return meta.provinces[Number(p)][1]; }, plus);
  }

  function appendPieces(parent, pieces) {
    pieces.forEach(function (piece) {
      if (piece.mark) {
        var mark = document.createElement('mark');
        mark.textContent = piece.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece.text));
      }
    });
  }

  /** One result as a list item. */
  function resultItem(item, matches) {
    var li = document.createElement('li');
    li.className = 'result';
    var heading = document.createElement('p');
    heading.className = 'result-title';
    var link = document.createElement('a');
    link.href = item.url;
    appendPieces(link, highlight(item.title, matches, 0));
    heading.appendChild(link);
    li.appendChild(heading);
    var where = document.createElement('p');
    where.className = 'where';
    where.textContent = [item.kind, item.province, item.context].filter(Boolean).join(' · ');
    li.appendChild(where);
    if (item.body) {
      var snippet = document.createElement('p');
      snippet.className = 'snippet';
      appendPieces(snippet, highlight(item.body, matches, 28));
      li.appendChild(snippet);
    }
    return li;
  }

  /** The kinds of `results` in the order of their best result, each with its results. */
  function byKind(results) {
    var groups = new Map();
    results.forEach(function (r) {
      var k = kindOf(r.record);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(r);
    });
    return Array.from(groups);
  }

  /** Results grouped by kind, each kind with its count and its first results. */
  function showGroups(run) {
    var groups = byKind(filtered());
    var shown = [];
    groups.forEach(function (g) { shown = shown.concat(g[1].slice(0, PER_GROUP)); });
    return details(shown.map(function (r) { return r.record; })).then(function (items) {
      if (run !== current.run) return;
      var matches = matcher(current.query);
      var byRecord = new Map(items.map(function (item) { return [item.record, item]; }));
      groups.forEach(function (g, n) {
        var kind = g[0];
        var section = document.createElement('section');
        section.className = 'result-group';
        var id = 'tk-nhom-' + kind;
        section.setAttribute('aria-labelledby', id);
        var heading = document.createElement('h2');
        heading.id = id;
        heading.textContent = meta.kinds[Number(kind)] + ' (' + g[1].length + ')';
        section.appendChild(heading);
        var ol = document.createElement('ol');
        ol.className = 'search-results';
        g[1].slice(0, PER_GROUP).forEach(function (r) {
          var item = byRecord.get(r.record);
          if (item) ol.appendChild(resultItem(item, matches));
        });
        section.appendChild(ol);
        if (g[1].length > PER_GROUP) {
          var all = document.createElement('button');
          all.type = 'button';
          all.className = 'group-more';
          all.textContent = 'Xem cả ' + g[1].length + ' kết quả loại ' + meta.kinds[Number(kind)];
          all.addEventListener('click', function () {
            kindSelect.value = kind;
            remember();
            show(current.run, input.value.trim()).then(function () {
              var link = list.querySelector('a');
              if (link) link.focus();
            });
          });
          section.appendChild(all);
        }
        list.appendChild(section);
        if (n === 0) section.classList.add('first');
      });
      more.hidden = true;
    });
  }

  function showPage(run) {
    var visible = filtered();
    var slice = visible.slice(current.shown, current.shown + PAGE);
    return details(slice.map(function (r) { return r.record; })).then(function (items) {
      if (run !== current.run) return;
      var matches = matcher(current.query);
      var ol = list.querySelector('ol');
      if (!ol) {
        ol = document.createElement('ol');
        ol.className = 'search-results';
        list.appendChild(ol);
      }
      items.forEach(function (item) { ol.appendChild(resultItem(item, matches)); });
      current.shown += slice.length;
      more.hidden = current.shown >= visible.length;
      return visible.length;
    });
  }

  function render(run, text) {
    list.textContent = '';
    current.shown = 0;
    var view = current.view;
    var count = filtered().length;
    readOn.hidden = view.done;
    var least = view.done ? '' : 'ít nhất ';
    if (count === 0 && view.done && current.all.done) {
      more.hidden = true;
      statusLine.textContent = 'Không tìm thấy kết quả nào cho “' + text + '”. Hãy thử bớt từ, ' +
        'kiểm tra chính tả, hoặc xem các danh sách Dự án, Chỉ tiêu, Cơ quan ở đầu trang.';
      return Promise.resolve();
    }
    var place = current.all.prepared.place;
    var where = place ? ' trong tỉnh ' + meta.provinces[place.index][1] : '';
    var total = current.all.results.length;
    var filteredNow = kindSelect.value !== '' || (provinceSelect.value !== '' && !(place && String(place.index) === provinceSelect.value));
    statusLine.textContent = filteredNow
      ? 'Tìm thấy ' + least + count + ' kết quả cho “' + text + '”' + where + ' theo bộ lọc.'
      : 'Tìm thấy ' + least + total + ' kết quả cho “' + text + '”' + where + '.';
    if (!view.done) statusLine.textContent += ' Bấm “Tìm tiếp” để đọc thêm chỉ mục.';
    return kindSelect.value === '' ? showGroups(run) : showPage(run);
  }

  /** The reading for the filters chosen: the whole query's, filtered, once it is read to
   * the end (or with no filter); else a reading of the kind's and province's records only. */
  function viewFor(run) {
    var all = current.all;
    var kind = kindSelect.value;
    var place = all.prepared.place;
    var province = provinceSelect.value;
    if (place && String(place.index) === province) province = '';
    if (all.done || (kind === '' && province === '')) return Promise.resolve(all);
    var key = kind + '|' + province;
    if (current.views.has(key)) return Promise.resolve(current.views.get(key));
    var ranges = rangesOf(kind, province !== '' ? province : place ? String(place.index) : '');
    var state = reading(all.prepared, ranges);
    current.views.set(key, state);
    return step(state, BUDGET).then(function () { rankRead(state); return state; }).then(function (state) {
      return run === current.run ? state : null;
    });
  }

  function show(run, text) {
    return viewFor(run).then(function (view) {
      if (!view || run !== current.run) return;
      current.view = view;
      return render(run, text);
    });
  }

  function run(text) {
    var id = ++current.run;
    text = text.trim();
    if (!text) {
      list.textContent = '';
      more.hidden = true;
      readOn.hidden = true;
      statusLine.textContent = '';
      return Promise.resolve();
    }
    statusLine.textContent = 'Đang tìm…';
    return search(text).then(function (found) {
      if (id !== current.run) return;
      current.query = found.prepared.query;
      current.all = found;
      current.view = found;
      current.views = new Map();
      updateFilters();
      if (found.prepared.place) provinceSelect.value = String(found.prepared.place.index);
      if (pending) {
        if (pending.loai && kindSelect.querySelector('option[value="' + pending.loai + '"]')) kindSelect.value = pending.loai;
        if (pending.tinh && provinceSelect.querySelector('option[value="' + pending.tinh + '"]')) provinceSelect.value = pending.tinh;
        pending = null;
      }
      return show(id, text);
    }).catch(function (error) {
      if (id === current.run) statusLine.textContent = 'Không tải được chỉ mục tìm kiếm (' + error.message + ').';
    });
  }

  // The filters in the address, so that a filtered list can be shared.
  function remember() {
    var url = new URL(location.href);
    url.searchParams.set('q', input.value);
    if (kindSelect.value) url.searchParams.set('loai', kindSelect.value); else url.searchParams.delete('loai');
    var place = current.all && current.all.prepared.place;
    if (provinceSelect.value && !(place && String(place.index) === provinceSelect.value)) {
      url.searchParams.set('tinh', provinceSelect.value);
    } else {
      url.searchParams.delete('tinh');
    }
    history.replaceState(null, '', url);
    if (headerBox) headerBox.value = input.value;
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      remember();
      run(input.value);
    }, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember();
    run(input.value);
  });
  [kindSelect, provinceSelect].forEach(function (select) {
    select.addEventListener('change', function () {
      if (!current.all) return;
      remember();
      show(current.run, input.value.trim());
    });
  });
  readOn.addEventListener('click', function () {
    var id = current.run;
    var view = current.view;
    readOn.disabled = true;
    statusLine.textContent = 'Đang tìm tiếp…';
    step(view, BUDGET).then(function () {
      rankRead(view);
      readOn.disabled = false;
      if (id !== current.run) return;
      if (view === current.all) updateFilters();
      return render(id, input.value.trim()).then(function () {
        var link = list.querySelector('a');
        if (link) link.focus();
      });
    }).catch(function (error) {
      readOn.disabled = false;
      statusLine.textContent = 'Không tải được chỉ mục tìm kiếm (' + error.message + ').';
    });
  });
  more.addEventListener('click', function () {
    var ol = list.querySelector('ol');
    var first = ol ? ol.children.length : 0;
    showPage(current.run).then(function () {
      var item = list.querySelector('ol').children[first];
      var link = item && item.querySelector('a');
      if (link) link.focus();
    });
  });

  app.hidden = false;
  /** For tests and benchmarks: the ranked results of a query, with their texts. */
  window.congkhaiSearch = function (text, limit) {
    return search(text).then(function (found) {
      if (limit === 'all') {
        var all = function () { return found.done ? found : step(found, 1 << 30).then(all); };
        return all().then(function () { return found.results.map(function (r) { return r.record; }); });
      }
      return details(found.results.slice(0, limit || 10).map(function (r) { return r.record; }));
    });
  };
  var params = new URLSearchParams(location.search);
  var initial = params.get('q');
  var pending = { loai: params.get('loai'), tinh: params.get('tinh') };
  if (initial) {
    input.value = initial;
    // The box in the header keeps the query too.
    if (headerBox) headerBox.value = initial;
    run(initial);
  }
})();
