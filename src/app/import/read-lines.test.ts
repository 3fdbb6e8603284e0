// Splitting bytes into lines: LF and CRLF, lines cut across chunks, a last line without a break,
// strict decoding per line (a GBK line in a UTF-8 file is one problem, not a file of garbage), a
// byte-order mark, over-long lines skipped in bounded memory, and the encodings that are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEncoding, LineSplitter, type LineItem } from './read-lines.ts';

function split(chunks: readonly Buffer[], encoding = 'utf-8', lineBytesMax?: number): (string | number)[][] {
  const splitter = new LineSplitter(encoding, lineBytesMax);
  const items: LineItem[] = [];
  for (const chunk of chunks) items.push(...splitter.push(chunk));
  items.push(...splitter.end());
  return items.map((item) => ('text' in item ? [item.line, item.text] : [item.line, item.problem.reason]));
}

test('lines across chunks, CRLF, a byte-order mark and a missing final break', () => {
  const bytes = Buffer.from('\uFEFFid,name\r\n1,张伟\n\n2,O\'Brien');
  const whole = split([bytes]);
  assert.deepEqual(whole, [[1, 'id,name'], [2, '1,张伟'], [3, ''], [4, '2,O\'Brien']]);
  for (let cut = 1; cut < bytes.length; cut += 1) {
    assert.deepEqual(split([bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut at byte ${cut}`);
  }
  assert.deepEqual(split([Buffer.from('a\n')]), [[1, 'a']]);
  assert.deepEqual(split([]), []);
});

test('each line is decoded strictly in its encoding', () => {
  const gbk = Buffer.from([0xd5, 0xc5, 0xce, 0xb0]);
  const mixed = Buffer.concat([Buffer.from('a,1\nb,'), gbk, Buffer.from('\nc,3\n')]);
  assert.deepEqual(split([mixed]), [[1, 'a,1'], [2, 'invalid_encoding'], [3, 'c,3']]);
  assert.deepEqual(split([mixed], 'gbk'), [[1, 'a,1'], [2, 'b,张伟'], [3, 'c,3']]);
});

test('an over-long line is one problem, however it is chunked', () => {
  const long = Buffer.from(`ok\n${'x'.repeat(25)}\nfine\n${'y'.repeat(20)}`);
  const expected = [[1, 'ok'], [2, 'line_too_long'], [3, 'fine'], [4, 'y'.repeat(20)]];
  assert.deepEqual(split([long], 'utf-8', 20), expected);
  const pieces = Array.from({ length: Math.ceil(long.length / 7) }, (_, index) => long.subarray(index * 7,
    index * 7 + 7));
  assert.deepEqual(split(pieces, 'utf-8', 20), expected);
});

test('encodings: any TextDecoder label whose line break is one byte', () => {
  assert.deepEqual(checkEncoding('GBK'), { ok: true, encoding: 'gbk' });
  assert.deepEqual(checkEncoding('utf8'), { ok: true, encoding: 'utf-8' });
  assert.deepEqual(checkEncoding('gb18030'), { ok: true, encoding: 'gb18030' });
  assert.equal(checkEncoding('utf-16le').ok, false);
  assert.equal(checkEncoding('klingon').ok, false);
});
