/* congkhai search: Vietnamese with or without diacritics. No framework, no WebAssembly.
 * The index (built by src/search/) is static JSON: meta.json, then t/<shard>.json for the
 * query's syllables and r/<chunk>.json for the results shown. The core functions below are
 * also loaded by the unit tests in Node (module.exports at the end). */
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

  /** Decodes one shard entry [variants, flat postings] into {variants, records: Map}. */
  function decode(entry) {
    var flat = entry[1];
    var records = new Map();
    var record = 0;
    var i = 0;
    while (i < flat.length) {
      record += flat[i];
      var n = flat[i + 1];
      records.set(record, flat.slice(i + 2, i + 2 + n));
      i += 2 + n;
    }
    return { variants: entry[0], records: records };
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
    parseQuery: parseQuery, decode: decode, rank: rank, highlight: highlight, matcher: matcher,
    placeIn: placeIn
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
  var cache = new Map();
  var meta = null;
  var synonyms = null;
  var shardSet = null;
  var current = { query: null, results: [], shown: 0, run: 0 };

  // A page opened from a disk (file://, a copy built with --relative-links) cannot fetch the
  // index: browsers refuse it. The build writes each index file as a script too, which
  // hands its data to congkhaiChiMuc(path, data).
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
      script.src = base + path.replace(/\.json$/, '.js');
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

  function getJSON(path) {
    if (!cache.has(path)) {
      cache.set(path, fromDisk ? loadScript(path) : fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      }));
    }
    return cache.get(path);
  }

  function loadMeta() {
    return getJSON('meta.json').then(function (m) {
      meta = m;
      synonyms = synonymMap(m.synonyms);
      shardSet = new Set(m.shards);
      return m;
    });
  }

  function wordsOf(query) {
    var words = [];
    query.slots.forEach(function (slot) {
      slot.alts.forEach(function (alt) { words = words.concat(alt.words); });
    });
    return words;
  }

  /** Runs a query: loads the shards it needs, ranks. Resolves to {query, results, place}: a
   * province named in the query narrows the results to it (`place`, its index). */
  function search(text) {
    return (meta ? Promise.resolve(meta) : loadMeta()).then(function () {
      var place = placeIn(text, meta.provinces);
      var query = parseQuery(place ? place.rest : text, synonyms);
      var keys = new Set(wordsOf(query).map(shardKey).filter(function (k) { return shardSet.has(k); }));
      return Promise.all(Array.from(keys).map(function (k) {
        return getJSON('t/' + k + '.json').then(function (shard) { return [k, shard]; });
      })).then(function (pairs) {
        var shards = new Map(pairs);
        var decoded = new Map();
        function lookup(word) {
          if (decoded.has(word)) return decoded.get(word);
          var shard = shards.get(shardKey(word));
          var entry = shard && Object.prototype.hasOwnProperty.call(shard, word) ? decode(shard[word]) : null;
          decoded.set(word, entry);
          return entry;
        }
        var expanded = new Set();
        function prefixes(prefix) {
          var shard = shards.get(shardKey(prefix));
          if (!shard) return [];
          var found = Object.keys(shard).filter(function (w) { return w.indexOf(prefix) === 0; }).slice(0, 30);
          found.forEach(function (w) { expanded.add(w); });
          return found;
        }
        var results = rank(query, lookup, prefixes, meta.recordKinds, meta.kinds, meta.weights);
        if (place) {
          results = results.filter(function (r) { return meta.recordProvinces[r.record] === place.index; });
        }
        query.matches = new Set(wordsOf(query).concat(Array.from(expanded)));
        return { query: query, results: results, place: place };
      });
    });
  }

  function chunkOf(record) {
    var chunks = meta.chunks;
    var lo = 0;
    var hi = chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (chunks[mid] <= record) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The stored texts of these records: [{title, url, context, body, kind, province}]. */
  function details(records) {
    var needed = Array.from(new Set(records.map(chunkOf)));
    return Promise.all(needed.map(function (c) { return getJSON('r/' + c + '.json'); })).then(function () {
      return Promise.all(records.map(function (record) {
        var c = chunkOf(record);
        return getJSON('r/' + c + '.json').then(function (chunk) {
          var row = chunk[record - meta.chunks[c]];
          var p = meta.recordProvinces[record];
          return {
            record: record, title: row[0], url: pageUrl(root + row[1]), context: row[2], body: row[3],
            kind: meta.kinds[Number(meta.recordKinds[record])],
            province: p >= 0 ? meta.provinces[p][1] : null
          };
        });
      }));
    });
  }

  function filtered() {
    var kind = kindSelect.value;
    var province = provinceSelect.value;
    return current.results.filter(function (r) {
      return (kind === '' || meta.recordKinds[r.record] === kind) &&
        (province === '' || String(meta.recordProvinces[r.record]) === province);
    });
  }

  function fillSelect(select, counts, label) {
    var chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    counts.forEach(function (count, value) {
      var option = document.createElement('option');
      option.value = value;
      option.textContent = label(value) + ' (' + count + ')';
      select.appendChild(option);
    });
    select.value = counts.has(chosen) ? chosen : '';
  }

  function updateFilters() {
    var kinds = new Map();
    var provinces = new Map();
    current.results.forEach(function (r) {
      var k = meta.recordKinds[r.record];
      kinds.set(k, (kinds.get(k) || 0) + 1);
      var p = String(meta.recordProvinces[r.record]);
      if (p !== '-1') provinces.set(p, (provinces.get(p) || 0) + 1);
    });
    fillSelect(kindSelect, new Map(Array.from(kinds).sort()), function (k) { return meta.kinds[Number(k)]; });
    fillSelect(provinceSelect, new Map(Array.from(provinces).sort(function (a, b) { return a[0] - b[0]; })),
      function (p) { return meta.provinces[Number(p)][1]; });
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
      var k = meta.recordKinds[r.record];
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
            render(current.run, input.value.trim()).then(function () {
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
    var count = filtered().length;
    if (current.results.length === 0) {
      more.hidden = true;
      statusLine.textContent = 'Không tìm thấy kết quả nào cho “' + text + '”. Hãy thử bớt từ, ' +
        'kiểm tra chính tả, hoặc xem các danh sách Dự án, Chỉ tiêu, Cơ quan ở đầu trang.';
      return Promise.resolve();
    }
    var where = current.place ? ' trong tỉnh ' + meta.provinces[current.place.index][1] : '';
    statusLine.textContent = 'Tìm thấy ' + current.results.length + ' kết quả cho “' + text + '”' + where +
      (count !== current.results.length ? ', ' + count + ' kết quả theo bộ lọc.' : '.');
    return kindSelect.value === '' ? showGroups(run) : showPage(run);
  }

  function run(text) {
    var id = ++current.run;
    text = text.trim();
    if (!text) {
      list.textContent = '';
      more.hidden = true;
      statusLine.textContent = '';
      return Promise.resolve();
    }
    statusLine.textContent = 'Đang tìm…';
    return search(text).then(function (found) {
      if (id !== current.run) return;
      current.query = found.query;
      current.results = found.results;
      current.place = found.place;
      updateFilters();
      if (found.place) provinceSelect.value = String(found.place.index);
      if (pending) {
        if (pending.loai && kindSelect.querySelector('option[value="' + pending.loai + '"]')) kindSelect.value = pending.loai;
        if (pending.tinh && provinceSelect.querySelector('option[value="' + pending.tinh + '"]')) provinceSelect.value = pending.tinh;
        pending = null;
      }
      return render(id, text);
    }).catch(function (error) {
      if (id === current.run) statusLine.textContent = 'Không tải được chỉ mục tìm kiếm (' + error.message + ').';
    });
  }

  // The filters in the address, so that a filtered list can be shared.
  function remember() {
    var url = new URL(location.href);
    url.searchParams.set('q', input.value);
    if (kindSelect.value) url.searchParams.set('loai', kindSelect.value); else url.searchParams.delete('loai');
    if (provinceSelect.value && !(current.place && String(current.place.index) === provinceSelect.value)) {
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
    select.addEventListener('change', function () { remember(); render(current.run, input.value.trim()); });
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
