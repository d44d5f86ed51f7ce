// Helpers shared by the page objects. playwright-core has no `expect`, so waiting is done on locators:
// `waitText` resolves as soon as the element shows the text and fails with what it did show.
import type { Locator, Page } from 'playwright-core';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * antd inserts a space into two-character Chinese button labels ("登录" renders as "登 录"); this matches a label
 * with or without those spaces, and nothing else.
 */
export function label(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].map(escapeRe).join('\\s*')}\\s*$`);
}

export function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRe(text)}\\s*$`);
}

/** Waits until (one of) the located elements shows `expected` (a string matches the whole text). */
export async function waitText(loc: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  const re = typeof expected === 'string' ? exactText(expected) : expected;
  try {
    await loc.filter({ hasText: re }).first().waitFor({ state: 'visible', timeout });
  } catch {
    const actual = await loc.allInnerTexts().catch(() => ['<gone>']);
    throw new Error(`expected ${loc.toString()} to show ${re}, but it shows ${JSON.stringify(actual)}`);
  }
}

/** Waits until the locator resolves to exactly n elements (event-driven: Playwright's own waits, no polling sleeps). */
export async function waitCount(loc: Locator, n: number, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1, deadline - Date.now());
  try {
    for (;;) {
      if (n > 0) await loc.nth(n - 1).waitFor({ state: 'attached', timeout: left() });
      await loc.nth(n).waitFor({ state: 'detached', timeout: left() });
      if ((await loc.count()) === n) return;
    }
  } catch {
    throw new Error(`expected ${loc.toString()} to match ${n} elements, found ${await loc.count().catch(() => '?')}`);
  }
}

/** The antd message toasts (rendered in a portal at the top of the page). */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.ant-message-notice').filter({ hasText: text });
}
