import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CONTENT_CORPUS } from '../src/policy/content/corpus/content-corpus.ts';
import { scanText, type ContentScope } from '../src/policy/content/scan-content.ts';
import type { Content, Purpose } from '../src/policy/situation.ts';
import { CONTENT_TEXT_CHARS_MAX } from '../src/config/limits.ts';
import { renderedTexts } from './rendered-content-bench.ts';

/**
 * The content guard's judgments on the whole labelled corpus, as hashes: a change meant to make
 * the guard faster must leave both unchanged. `corpus` scans each text in its own scope (as
 * content-bench.ts does); `scopes` scans each text again under every audience, purpose, voicemail
 * and time-barred setting, so the checks that only some scopes run (itemisation, disclosure,
 * limited content, opt-out) are covered too. `rendered` scans the message templates rendered with
 * borrowers' figures, as they are and with an institution, a reference or an amount the text does
 * not carry, or carries in another form (full-width, lower case, traditional characters). `long`
 * scans letters made of many corpus texts of one pack (up to the longest text a message may be), so
 * texts with thousands of features and sentences are covered too.
 *
 * `node bench/content-fingerprint.ts`
 */
export type ContentFingerprint = {
  readonly corpus: string; readonly scopes: string; readonly rendered: string; readonly long: string;
  readonly scans: number;
};

/** An ASCII string in full-width forms: the guard must read "ＦＣ-１２３４Ｑ" as "FC-1234Q". */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

function renderedVariants(content: Content): Content[] {
  const { institution, verificationRef, amounts } = content;
  return [
    content,
    { ...content, institution: '另一家银行' },
    { ...content, institution: '安心消費金融' },
    { ...content, institution: institution === undefined ? 'X' : fullWidth(institution) },
    { ...content, verificationRef: verificationRef?.toLowerCase() },
    { ...content, verificationRef: verificationRef === undefined ? undefined : fullWidth(verificationRef) },
    { ...content, verificationRef: 'ZZ-0000' },
    { ...content,
      amounts: amounts === undefined ? undefined : { ...amounts, principal: '1,234.50', fees: '0' } },
  ];
}

const AUDIENCES = ['borrower', 'third_party', 'other'] as const;
const PURPOSES: readonly Purpose[] = ['collect', 'validation_notice'];

export function contentFingerprint(): ContentFingerprint {
  const corpus = createHash('sha256');
  const scopes = createHash('sha256');
  let scans = 0;
  for (const item of CONTENT_CORPUS) {
    const content = { text: item.text, locale: item.pack === 'CN' ? 'zh-CN' as const : 'en' as const };
    const own: ContentScope = {
      pack: item.pack, audience: item.audience, channel: item.channel, purpose: 'collect',
      voicemail: item.voicemail ?? false, timeBarred: item.timeBarred ?? false,
    };
    corpus.update(`${item.id}\t${JSON.stringify(scanText(content, own))}\n`);
    scans += 1;
    for (const audience of AUDIENCES) {
      for (const purpose of PURPOSES) {
        for (const voicemail of [false, true]) {
          for (const timeBarred of [false, true]) {
            const scope: ContentScope = {
              pack: item.pack, audience, channel: item.channel, purpose, voicemail, timeBarred,
            };
            const findings = JSON.stringify(scanText(content, scope));
            scopes.update(`${item.id}\t${JSON.stringify(scope)}\t${findings}\n`);
            scans += 1;
          }
        }
      }
    }
  }
  const rendered = createHash('sha256');
  for (const input of renderedTexts(2_000)) {
    for (const content of renderedVariants(input.content)) {
      for (const audience of AUDIENCES) {
        const scope: ContentScope = { ...input.scope, audience };
        rendered.update(`${JSON.stringify([content, scope])}\t${JSON.stringify(scanText(content, scope))}\n`);
        scans += 1;
      }
    }
  }
  const long = createHash('sha256');
  // Lawful texts alone too: a letter in which no pattern fires is judged by the model.
  for (const [pack, lawfulOnly] of [['CN', false], ['US', false], ['CN', true], ['US', true]] as const) {
    const texts = CONTENT_CORPUS
      .filter((item) => item.pack === pack && (!lawfulOnly || item.label === 'allow'))
      .map((item) => item.text);
    for (const [count, step] of [[5, 7], [20, 3], [60, 11], [200, 1], [400, 5]] as const) {
      for (let first = 0; first < texts.length; first += Math.max(count, 97)) {
        const parts = Array.from({ length: count },
          (_, index) => texts[(first + index * step) % texts.length]!);
        const text = parts.join(pack === 'CN' ? '' : ' ').slice(0, CONTENT_TEXT_CHARS_MAX);
        const content: Content = { text, locale: pack === 'CN' ? 'zh-CN' : 'en' };
        for (const audience of AUDIENCES) {
          const scope: ContentScope = {
            pack, audience, channel: 'letter', purpose: 'collect', voicemail: false, timeBarred: first % 2 === 0,
          };
          const findings = JSON.stringify(scanText(content, scope));
          long.update(`${pack} ${lawfulOnly} ${count} ${first} ${audience}\t${findings}\n`);
          scans += 1;
        }
      }
    }
  }
  return {
    corpus: corpus.digest('hex'), scopes: scopes.digest('hex'), rendered: rendered.digest('hex'),
    long: long.digest('hex'), scans,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const print = contentFingerprint();
  process.stdout.write(`${print.corpus}  corpus (${CONTENT_CORPUS.length} texts, own scope)\n`);
  process.stdout.write(`${print.scopes}  scopes (each text under 24 scopes)\n`);
  process.stdout.write(`${print.rendered}  rendered templates and variants\n`);
  process.stdout.write(`${print.long}  long letters (${print.scans} scans in all)\n`);
}
