import { pathToFileURL } from 'node:url';
import { CONTENT_CORPUS } from '../src/policy/content/corpus/content-corpus.ts';
import { scanText, type ContentScope } from '../src/policy/content/scan-content.ts';
import { MESSAGE_TEMPLATES } from '../src/policy/templates/message-templates.ts';
import type { Content, PackId } from '../src/policy/situation.ts';

/**
 * The content guard on the texts the gate sees most: the strategy's message templates rendered
 * with a borrower's own figures (as bench/generate-situations.ts renders them), every one new, beside
 * the labelled corpus made new by a suffix. Cost per text and per character, so a text that is
 * simply longer is told apart from one that is slow to read.
 *
 * `node bench/rendered-content-bench.ts [--texts N]`
 */
export type RenderedBenchRow = {
  readonly texts: string; readonly count: number; readonly meanChars: number;
  readonly microsPerText: number; readonly cpuMicrosPerText: number; readonly nanosPerChar: number;
};

const INSTITUTION: Readonly<Record<PackId, string>> = { CN: '安心消费金融', US: 'Harbor Credit' };

export type RenderedInput = { readonly content: Content; readonly scope: ContentScope };

/**
 * Rendered templates, round-robin over templates and packs, with figures from a counter: texts
 * `from` … `from + count` of one endless sequence, so two ranges share no text.
 */
export function renderedTexts(count: number, from = 0): RenderedInput[] {
  const out: RenderedInput[] = [];
  for (let serial = from; serial < from + count; serial += 1) {
    const pack: PackId = serial % 2 === 0 ? 'CN' : 'US';
    const template = MESSAGE_TEMPLATES[Math.floor(serial / 2) % MESSAGE_TEMPLATES.length]!;
    const locale = pack === 'CN' ? 'zh-CN' as const : 'en' as const;
    const verificationRef = `FC-${1000 + (serial % 9000)}${'QKMT'[serial % 4]}`;
    const amounts = { principal: String(200 + serial), interest: String(1 + (serial % 900)),
      penalty: String(serial % 301), fees: String(serial % 51) };
    const text = template.texts[locale]
      .replaceAll('{{institution}}', INSTITUTION[pack]).replaceAll('{{verification_ref}}', verificationRef)
      .replaceAll('{{principal}}', amounts.principal).replaceAll('{{interest}}', amounts.interest)
      .replaceAll('{{penalty}}', amounts.penalty).replaceAll('{{fees}}', amounts.fees);
    out.push({
      content: {
        text, locale, templateId: template.id, institution: INSTITUTION[pack], verificationRef, amounts,
      },
      scope: { pack, audience: 'borrower', channel: 'sms', purpose: 'collect', voicemail: false,
        timeBarred: false },
    });
  }
  return out;
}

function corpusTexts(count: number): RenderedInput[] {
  const out: RenderedInput[] = [];
  for (let serial = 0; serial < count; serial += 1) {
    const item = CONTENT_CORPUS[serial % CONTENT_CORPUS.length]!;
    out.push({
      content: { text: `${item.text} ${serial}`, locale: item.pack === 'CN' ? 'zh-CN' : 'en' },
      scope: { pack: item.pack, audience: item.audience, channel: item.channel, purpose: 'collect',
        voicemail: item.voicemail ?? false, timeBarred: item.timeBarred ?? false },
    });
  }
  return out;
}

function measure(label: string, inputs: readonly RenderedInput[]): RenderedBenchRow {
  const warm = Math.min(2000, Math.floor(inputs.length / 5));
  for (let index = 0; index < warm; index += 1) scanText(inputs[index]!.content, inputs[index]!.scope);
  const measured = inputs.slice(warm);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const input of measured) scanText(input.content, input.scope);
  const used = process.cpuUsage(cpu);
  const micros = (performance.now() - started) * 1000;
  const chars = measured.reduce((sum, input) => sum + input.content.text.length, 0);
  return {
    texts: label, count: measured.length, meanChars: chars / measured.length,
    microsPerText: micros / measured.length, cpuMicrosPerText: (used.user + used.system) / measured.length,
    nanosPerChar: (micros * 1000) / chars,
  };
}

export function runRenderedContentBench(options: { texts?: number } = {}): RenderedBenchRow[] {
  const texts = options.texts ?? 20_000;
  // Each row reads texts of its own, so none is answered from the scan cache.
  const ofPack = (pack: PackId, from: number) => renderedTexts(2 * texts, from)
    .filter((input) => input.scope.pack === pack);
  return [
    measure('rendered templates, CN and US', renderedTexts(texts)),
    measure('rendered templates, CN', ofPack('CN', texts)),
    measure('rendered templates, US', ofPack('US', 3 * texts)),
    measure('labelled corpus, made new', corpusTexts(texts)),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const index = process.argv.indexOf('--texts');
  const texts = index === -1 ? undefined : Number(process.argv[index + 1]);
  for (const row of runRenderedContentBench({ texts })) {
    process.stdout.write(`${row.texts}: ${row.count} texts, ${row.meanChars.toFixed(0)} chars, `
      + `${row.microsPerText.toFixed(1)} µs per text (${row.cpuMicrosPerText.toFixed(1)} µs CPU), `
      + `${row.nanosPerChar.toFixed(0)} ns per char\n`);
  }
}
