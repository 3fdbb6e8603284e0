// The accessibility checks the console journeys rely on, proven able to fail: in Chromium, a page
// with every defect they look for gets one line per defect, and the same page repaired gets none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { checkAccessibility } from './check-accessibility.ts';
import { browserSkipReason, launchBrowser } from './launch-browser.ts';

const BROKEN = `<!doctype html><html><body>
<h1>One</h1><h1>Two</h1>
<div id="chart"><canvas width="40" height="40"></canvas></div>
<svg id="logo" width="10" height="10"><circle r="4"/></svg>
<img id="photo" src="data:,">
<input id="amount"><select id="currency"></select>
<p lang="english">text</p>
</body></html>`;

const REPAIRED = `<!doctype html><html lang="zh-CN"><body>
<header><nav aria-label="导航"><a href="#">首页</a></nav></header>
<main>
<h1>One</h1><h2>Two</h2>
<div id="chart" role="img" aria-label="迁徙率"><canvas width="40" height="40"></canvas></div>
<svg id="logo" width="10" height="10" role="img" aria-label="FairCollect"><circle r="4"/></svg>
<svg width="10" height="10" aria-hidden="true"><circle r="4"/></svg>
<img id="photo" src="data:," alt="照片"><img src="data:," alt="">
<label>金额 <input id="amount"></label><select id="currency" aria-label="币种"></select>
<input type="hidden" name="token">
<p lang="en">text</p>
</main>
</body></html>`;

describe('accessibility checks', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a page with every defect gets one line per defect', async () => {
    const page = await browser.newPage();
    await page.setContent(BROKEN);
    assert.deepEqual(await checkAccessibility(page), [
      'html has no lang attribute',
      'p has lang="english", which is not a language tag',
      'the page has 2 h1 elements, not one',
      'the page has no single main landmark',
      'the page has no navigation landmark',
      'canvas in #chart has no accessible name or text alternative',
      'svg#logo has no accessible name',
      'img#photo has no accessible name',
      'input#amount has no label',
      'select#currency has no label',
    ]);
    await page.close();
  });

  test('the same page repaired passes', async () => {
    const page = await browser.newPage();
    await page.setContent(REPAIRED);
    assert.deepEqual(await checkAccessibility(page), []);
    await page.close();
  });
});
