import type { Page, Response } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/app/identity/ensure-demo-people.ts';

/**
 * Signs in through the real form, as a person does: opens `/sign-in` for the page wanted, types
 * the demo user's name and password and submits; returns the answer of the page it lands on.
 */
export async function signIn(page: Page, origin: string, username: string, next: string): Promise<Response | null> {
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'load' });
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click('form.stacked button[type=submit]'),
  ]);
  return response;
}
