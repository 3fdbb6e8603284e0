import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Eta } from 'eta';
import type { Db } from '../../db/database.ts';
import { getLatestSnapshotDate } from '../../app/portfolio/get-latest-snapshot-date.ts';
import { getSnapshots } from '../../app/portfolio/get-snapshots.ts';
import { listOpenCasesByStage } from '../../app/portfolio/list-open-cases-by-stage.ts';
import { loadActiveStrategy } from '../../app/strategy/active-strategy.ts';
import { loadProductTerms } from '../../app/product/load-product-terms.ts';
import { checkProductCost } from '../../domain/product/check-product-cost.ts';
import { penaltyAnnualBp } from '../../domain/product/product-terms.ts';
import { addDays } from '../../stdx/civil-date.ts';
import { formatAmount } from '../i18n/format-amount.ts';
import { localiseRequest, type PageText } from '../i18n/localise-request.ts';
import type { Locale } from '../i18n/locale.ts';
import { isPackTitleKey } from '../i18n/messages.ts';
import { translate } from '../i18n/translate.ts';
import { pageFrame } from './page-frame.ts';
import { settingsModel, type SettingsPageOptions } from './settings-model.ts';

/**
 * The supervisor's portfolio page (R22), rendered on the server: the aging table of the latest
 * cycle, roll rates over time (Apache ECharts, served from our own origin: the page must work on a
 * closed network), open cases by stage and the products' cost check; and the settings page: the
 * lender's settings and the strategy every decision is made under. Both pages are in the reader's
 * language (Chinese unless they chose English: see i18n/choose-locale.ts), every text taken from
 * the catalogues of i18n/, with a link in the navigation to the same page in the other language.
 * Eta escapes every value.
 */
const VIEWS = fileURLToPath(new URL('./views/', import.meta.url));
const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
const ECHARTS_PATH = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
const ROLL_HISTORY_DAYS = 120;
/** ECharts' own name for each locale's built-in texts (both ship in echarts.min.js). */
const CHART_LOCALES: Readonly<Record<Locale, string>> = { 'zh-CN': 'ZH', en: 'EN' };
const PAGE_QUERY = Type.Object({
  lang: Type.Optional(Type.String({
    description: 'The page\'s language, zh-CN or en, remembered in the lang cookie; any other value: zh-CN',
  })),
});

export function consoleRoutes(db: Db, settings: SettingsPageOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    let echarts: Buffer | null = null;
    app.get('/assets/echarts.min.js', {
      config: { permission: 'public' },
      schema: { tags: ['pages'], summary: 'Apache ECharts, served locally' },
    }, async (_request, reply) => {
      echarts ??= await readFile(ECHARTS_PATH);
      reply.type('application/javascript').header('cache-control', 'public, max-age=86400');
      return reply.send(echarts);
    });

    app.get('/', {
      config: { permission: 'public' },
      schema: {
        hide: false, tags: ['pages'],
        summary: 'Redirects to the start page of the signed-in role, or to sign-in',
      },
    }, async (_request, reply) => reply.redirect('/home'));

    app.get('/console', {
      config: { permission: 'console:read' },
      schema: {
        tags: ['pages'], summary: 'Portfolio console: aging table, roll-rate chart, cases by stage, products',
        querystring: PAGE_QUERY, response: { 200: Type.String({ description: 'HTML page' }) },
      },
    }, async (request, reply) => {
      const text = localiseRequest(request, reply);
      const body = eta.render('./console', { ...await consoleModel(db, text.locale), text });
      reply.type('text/html; charset=utf-8');
      const frame = pageFrame(request, reply, text);
      return eta.render('./layout', { title: text.t('portfolio.title'), body, text, frame });
    });

    app.get('/console/settings', {
      config: { permission: 'console:read' },
      schema: {
        tags: ['pages'],
        summary: 'Settings and strategy: the lender\'s parameters per pack and the active strategy',
        querystring: PAGE_QUERY, response: { 200: Type.String({ description: 'HTML page' }) },
      },
    }, async (request, reply) => {
      const text = localiseRequest(request, reply);
      const model = await settingsModel(db, settings, text.locale);
      const packs = model.packs.map((pack) => ({ ...pack, title: packTitle(text, pack.id) ?? pack.title }));
      const body = eta.render('./settings', { ...model, packs, text });
      reply.type('text/html; charset=utf-8');
      const frame = pageFrame(request, reply, text);
      return eta.render('./layout', { title: text.t('settings.title'), body, text, frame });
    });
  };
}

async function consoleModel(db: Db, locale: Locale) {
  const { version, strategy } = await loadActiveStrategy(db);
  const bucketOrder = strategy.buckets.map((bucket) => bucket.name);
  const asOf = await getLatestSnapshotDate(db);
  const history = asOf === null ? [] : await getSnapshots(db, {
    bucketOrder, from: addDays(asOf, -ROLL_HISTORY_DAYS),
  });
  const today = history.at(-1);
  const currencies = [...new Set(today?.buckets.map((row) => row.currency) ?? [])].sort();
  const aging = currencies.map((currency) => {
    const rows = bucketOrder.map((bucket) =>
      today!.buckets.find((row) => row.currency === currency && row.bucket === bucket)
      ?? { bucket, accounts: 0, overdueMinor: '0', outstandingMinor: '0' });
    const totalAccounts = rows.reduce((total, row) => total + row.accounts, 0);
    const sum = (key: 'overdueMinor' | 'outstandingMinor') =>
      rows.reduce((total, row) => total + BigInt(row[key]), 0n);
    return {
      currency, totalAccounts,
      totalOverdue: formatAmount(sum('overdueMinor'), currency, locale),
      totalOutstanding: formatAmount(sum('outstandingMinor'), currency, locale),
      rows: rows.map((row) => ({
        bucket: row.bucket, accounts: row.accounts,
        share: totalAccounts === 0 ? '0%' : `${((row.accounts / totalAccounts) * 100).toFixed(1)}%`,
        overdue: formatAmount(BigInt(row.overdueMinor), currency, locale),
        outstanding: formatAmount(BigInt(row.outstandingMinor), currency, locale),
      })),
    };
  });
  const rollDays = history.filter((day) => day.rollRates.length > 0);
  const series = bucketOrder.slice(0, -1).map((from, index) => ({
    name: `${from}→${bucketOrder[index + 1]}`,
    values: rollDays.map(
      (day) => Number((day.rollRates.find((rate) => rate.fromBucket === from)?.rate ?? 0).toFixed(5)),
    ),
  }));
  // JSON inside a script element: "<" is escaped so no value can close the element.
  const rollJson = JSON.stringify({
    locale: CHART_LOCALES[locale], dates: rollDays.map((day) => day.asOf), series,
  })
    .replaceAll('<', '\\u003c');
  return {
    asOf, strategyVersion: version, aging, rollJson,
    rollSummary: describeRollRates(locale, rollDays.at(-1)?.asOf, series), stages: await stageRows(db, asOf),
    products: await productRows(db),
  };
}

/** The chart's text alternative: what it shows and each series' latest rate. */
function describeRollRates(
  locale: Locale, latest: string | undefined, series: { name: string; values: number[] }[],
): string {
  if (latest === undefined) return translate(locale, 'roll.summaryEmpty');
  const rates = series.map((line) => `${line.name} ${((line.values.at(-1) ?? 0) * 100).toFixed(2)}%`)
    .join(translate(locale, 'list.separator'));
  return translate(locale, 'roll.summary', { date: latest, rates });
}

/** A shipped pack's title in the reader's language; null for a pack the catalogues do not know. */
function packTitle(text: PageText, packId: string): string | null {
  const key = `pack.title.${packId}`;
  return isPackTitleKey(key) ? text.t(key) : null;
}

async function stageRows(db: Db, asOf: string | null) {
  return (await listOpenCasesByStage(db, { plannedOn: asOf }))
    .map((row) => ({ stage: row.stage, cases: row.openCases, planned: row.plannedActions }));
}

async function productRows(db: Db) {
  return [...(await loadProductTerms(db)).values()].map((terms) => {
    const check = checkProductCost(terms);
    return {
      id: terms.id, currency: terms.currency, interest: `${(terms.interestRateBp / 100).toFixed(2)}%`,
      penaltyDaily: `${(terms.penaltyRatePpmPerDay / 10_000).toFixed(4)}%`,
      penaltyAnnual: `${(penaltyAnnualBp(terms.penaltyRatePpmPerDay) / 100).toFixed(2)}%`,
      graceDays: terms.graceDays, cost: `${(check.annualisedCostBp / 100).toFixed(2)}%`,
      cap: `${(check.costCapBp / 100).toFixed(2)}%`,
      exceedsCap: check.exceedsCap,
    };
  });
}
