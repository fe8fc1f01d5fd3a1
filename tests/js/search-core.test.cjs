// Unit tests of the search client's core (folding, tokenizing, ranking, highlighting).
// Run: node --test tests/js/
const test = require('node:test');
const assert = require('node:assert');
const core = require('../../themes/default/static/tim-kiem.js');

// A tiny index in the shape src/search/ writes: records with title and body positions.
const BODY = 1000;
function buildIndex(records) {
  const index = new Map();
  records.forEach((r, n) => {
    const add = (tok, pos) => {
      let e = index.get(tok.folded);
      if (!e) index.set(tok.folded, (e = { variants: [], records: new Map() }));
      let v = e.variants.indexOf(tok.exact);
      if (v < 0) { e.variants.push(tok.exact); v = e.variants.length - 1; }
      if (!e.records.has(n)) e.records.set(n, []);
      e.records.get(n).push(pos * 16 + Math.min(v, 15));
    };
    core.tokenize(r.title).forEach((t, i) => add(t, i));
    core.tokenize(r.body || '').forEach((t, i) => add(t, BODY + i));
  });
  return index;
}
function search(records, q, groups) {
  const index = buildIndex(records);
  const query = core.parseQuery(q, core.synonymMap(groups || []));
  const prefixes = (p) => Array.from(index.keys()).filter((w) => w.startsWith(p));
  return core.rank(query, (w) => index.get(w) || null, prefixes).map((r) => r.record);
}

test('folding removes tones and marks, đ becomes d', () => {
  assert.strictEqual(core.fold('Đắk Nông'), 'dak nong');
  assert.strictEqual(core.fold('CHUYỂN ĐỔI SỐ'), 'chuyen doi so');
  assert.strictEqual(core.fold('Khánh Hoà'), core.fold('Khánh Hòa'));
});

test('tokens match the Rust tokenizer', () => {
  const folded = (s) => core.tokenize(s).map((t) => t.folded);
  assert.deepStrictEqual(folded('Sở TT&TT'), ['so', 'tt', 'tt']);
  assert.deepStrictEqual(folded('tổng 1.747.201,5 triệu.'), ['tong', '1747201,5', 'trieu']);
  assert.deepStrictEqual(folded('10693/KH-UBND'), ['10693', 'kh', 'ubnd']);
  assert.deepStrictEqual(folded('Đường truyền'.normalize('NFD')), ['duong', 'truyen']);
  assert.strictEqual(core.shardKey('chuyen'), 'chu');
  assert.strictEqual(core.shardKey('ñu'), 'xc3b175');
});

test('a query without diacritics finds text with them', () => {
  const records = [{ title: 'Khác', body: 'nâng cấp đường truyền' }, { title: 'Không liên quan', body: 'máy chủ' }];
  assert.deepStrictEqual(search(records, 'duong truyen'), [0]);
});

test('an exact-diacritic match ranks above a folded one', () => {
  const records = [{ title: 'Sơ kết', body: '' }, { title: 'Số liệu', body: '' }];
  assert.deepStrictEqual(search(records, 'số'), [1, 0]);
  assert.deepStrictEqual(search(records, 'sơ'), [0, 1]);
});

test('a phrase ranks above scattered words', () => {
  const records = [
    { title: 'A', body: 'số liệu về chuyển giao và đổi mới' },
    { title: 'B', body: 'đẩy mạnh chuyển đổi số trong cơ quan' },
  ];
  assert.deepStrictEqual(search(records, 'chuyen doi so'), [1, 0]);
});

test('a title match ranks above a body match', () => {
  const records = [
    { title: 'Kế hoạch chung', body: 'hạ tầng an toàn thông tin' },
    { title: 'Bảo đảm an toàn thông tin', body: 'nội dung' },
  ];
  assert.deepStrictEqual(search(records, 'an toan thong tin'), [1, 0]);
});

test('every word must match; nothing matches gives no results', () => {
  const records = [{ title: 'Sở Tài chính', body: '' }];
  assert.deepStrictEqual(search(records, 'tai chinh xyz'), []);
});

test('abbreviations find their full forms and back', () => {
  const groups = [['cntt', 'cong nghe thong tin'], ['so thong tin va truyen thong', 'so tt tt']];
  const records = [
    { title: 'Ứng dụng công nghệ thông tin', body: '' },
    { title: 'Nhân lực CNTT', body: '' },
    { title: 'Sở Thông tin và Truyền thông', body: '' },
    { title: 'Công tác thông tin', body: 'công nghệ mới' },
  ];
  assert.deepStrictEqual(search(records, 'cntt', groups).sort(), [0, 1]);
  assert.deepStrictEqual(search(records, 'công nghệ thông tin', groups).sort(), [0, 1]);
  assert.deepStrictEqual(search(records, 'so tt&tt', groups), [2]);
});

test('the last word of a query matches as a prefix while typing', () => {
  const records = [{ title: 'Hạ tầng truyền dẫn', body: '' }];
  assert.deepStrictEqual(search(records, 'truy'), [0]);
  assert.deepStrictEqual(search(records, 'truy '), []);
});

test('a query typed with marks marks the words written that way, else every spelling', () => {
  const synonyms = { map: new Map(), longest: 1 };
  const marked = core.parseQuery('số', synonyms);
  marked.matches = new Set(['so']);
  const matches = core.matcher(marked);
  const both = core.highlight('Sở Thông tin: chuyển đổi số', matches, 0);
  assert.deepStrictEqual(both.filter((p) => p.mark).map((p) => p.text), ['số']);
  const only = core.highlight('Sở Thông tin và Truyền thông', matches, 0);
  assert.deepStrictEqual(only.filter((p) => p.mark).map((p) => p.text), ['Sở'], 'found without marks: still shown');
  const plain = core.parseQuery('so', synonyms);
  plain.matches = new Set(['so']);
  const any = core.highlight('Sở Thông tin: chuyển đổi số', core.matcher(plain), 0);
  assert.deepStrictEqual(any.filter((p) => p.mark).map((p) => p.text), ['Sở', 'số']);
});

test('snippets mark the matched syllables and keep the text as written', () => {
  const pieces = core.highlight('Nâng cấp Đường truyền <b>', (w) => w === 'duong' || w === 'truyen', 0);
  assert.deepStrictEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['Đường', 'truyền']);
  assert.strictEqual(pieces.map((p) => p.text).join(''), 'Nâng cấp Đường truyền <b>');
  const long = Array.from({ length: 100 }, (_, i) => 'từ' + i).join(' ') + ' đích';
  const cut = core.highlight(long, (w) => w === 'dich', 20);
  assert.strictEqual(cut[0].text, '… ');
  assert.ok(cut.some((p) => p.mark && p.text === 'đích'));
});

test('a query of several syllables marks where they follow each other, not a lone look-alike', () => {
  const synonyms = { map: new Map(), longest: 1 };
  const query = core.parseQuery('chuyen doi so', synonyms);
  query.matches = new Set(['chuyen', 'doi', 'so']);
  const pieces = core.highlight('Giáo viên chuyên trách; chuyển đổi số của tỉnh', core.matcher(query), 0);
  assert.deepStrictEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['chuyển', 'đổi', 'số']);
  // Without a run, every matching syllable is still shown.
  const scattered = core.highlight('số hóa, chuyên đề', core.matcher(query), 0);
  assert.deepStrictEqual(scattered.filter((p) => p.mark).map((p) => p.text), ['số', 'chuyên']);
});

test('a province named in the query narrows the search to it', () => {
  const places = [['khanh-hoa', 'Khánh Hòa'], ['tay-ninh', 'Tây Ninh']];
  assert.deepStrictEqual(core.placeIn('Tây Ninh camera', places), { index: 1, rest: 'camera' });
  assert.deepStrictEqual(core.placeIn('camera tinh tay ninh', places), { index: 1, rest: 'camera' });
  assert.strictEqual(core.placeIn('Tây Ninh', places), null, 'the name alone is a search for the province');
  assert.strictEqual(core.placeIn('camera giao thong', places), null);
});

test('ranking weights come from the index metadata, by name', () => {
  const records = [{ title: 'Chuyển đổi số' }, { title: 'Chuyển đổi số' }];
  const index = buildIndex(records);
  const query = core.parseQuery('chuyen doi so', core.synonymMap([]));
  const prefixes = (p) => Array.from(index.keys()).filter((w) => w.startsWith(p));
  const order = (weights) => core
    .rank(query, (w) => index.get(w) || null, prefixes, [0, 1], ['Văn bản', 'Tỉnh'], weights)
    .map((r) => r.record);
  const phrases = { phraseAdjacent: 4, phraseAdjacentTitle: 8, phraseChain: 6, phraseChainTitle: 12 };
  assert.deepStrictEqual(order({ ...phrases, kindPrior: { 'Tỉnh': 2 } }), [1, 0]);
  assert.deepStrictEqual(order({ ...phrases, kindPrior: { 'Văn bản': 2 } }), [0, 1]);
  // The phrase bonuses are read too: a title phrase of the whole query adds phraseChainTitle.
  const score = (weights) => core
    .rank(query, (w) => index.get(w) || null, prefixes, [0, 1], ['Văn bản', 'Tỉnh'], weights)[0].score;
  assert.strictEqual(score({ ...phrases, kindPrior: {}, phraseChainTitle: 112 }) - score({ ...phrases, kindPrior: {} }), 100);
});
