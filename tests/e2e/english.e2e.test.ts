// In English, no Chinese text from the backend reaches the screen. The backend sends every refusal as a message key
// with parameters; the renderer translates it. This drives the real UI in Chromium against a real browser host and
// store, switches to English, triggers each kind of refusal — wrong PIN, locked PIN, a non-image photo, a roster file
// with no header row, a duplicate employee number, a stale workflow action — and reads what the user sees: the text
// must be the English sentence, never a raw key and never a CJK character. The whole screen around each message,
// the sign-in screen and the home page (statistics table, chart descriptions) are checked the same way. All user
// data here (names, file names, descriptions) is ASCII, so any CJK character on screen comes from the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { makeTranslator, type MessagePart, type Vars } from '../../shared/kernel/i18n';
import { api, TAB, useE2E } from './fixtures';
import { label, LedgerPage, SetupPage, Shell, waitText } from './pages';

// the renderer's catalog, imported by a computed path so the Node typecheck does not follow it into the renderer's
// .tsx pages (only the pure message parts load at run time)
const CATALOG = '../../renderer/src/i18n/catalog';
const { catalog } = (await import(CATALOG)) as { catalog: MessagePart };

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1EN6L15');
const en = makeTranslator(catalog, 'en');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RAW_KEY = /(^|\s|["“(])(err|v)\.[A-Za-z][\w.]*/;

const ADMIN = { empNo: 'A0001', name: 'Lu Wei' };
const PIN_OP = { empNo: 'B0002', name: 'Chen Jing', pin: '2468' };

/** Today at 00:00, local 'YYYY-MM-DDTHH:mm': never in the future, always in the dashboard's default period (this year). */
function todayAtMidnight(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T00:00`;
}


const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English sentence of `key` as a whole-text pattern (after an optional literal prefix); placeholders missing from
 * `vars` match any text.
 */
function enPattern(key: string, vars: Vars = {}, prefix = ''): RegExp {
  expect(catalog[key]?.en, `no English text for ${key}`).toBeTruthy();
  const holes: Vars = {};
  for (const m of catalog[key]!.en.matchAll(/\{(\w+)\}/g)) if (!(m[1]! in vars)) holes[m[1]!] = '\u0000';
  const text = en(key, { ...vars, ...holes });
  return new RegExp(`^${escapeRe(prefix)}${text.split('\u0000').map(escapeRe).join('.+')}$`);
}

/** What the user sees must be an English sentence: not empty, not a message key, no CJK character. */
function expectEnglish(shown: string, what: string): void {
  const text = shown.trim();
  expect(text, `${what}: empty`).not.toBe('');
  expect(text, `${what}: a raw message key reached the screen: ${text}`).not.toMatch(RAW_KEY);
  const cjk = [...text].filter((c) => CJK.test(c));
  expect(cjk, `${what}: Chinese text reached the English screen: ${JSON.stringify(text)}`).toEqual([]);
}

/**
 * The whole screen (every visible text, dialogs and toasts included) has no CJK character, except the header's
 * language button, which names the other language in that language (中文).
 */
async function expectScreenEnglish(page: Page, what: string): Promise<void> {
  const language = page.getByRole('button', { name: 'language' });
  const keep = (await language.count()) > 0 ? (await language.innerText()).trim() : null;
  let text = await page.locator('body').innerText();
  if (keep) text = text.replace(keep, '');
  const hits = [...text.matchAll(/[^\n]{0,30}[\u3400-\u9fff\uf900-\ufaff][^\n]{0,30}/g)].map((m) => m[0]);
  expect(hits, `${what}: Chinese text on the English screen`).toEqual([]);
}

/** The antd error toast(s) on screen. */
const errorToasts = (page: Page) => page.locator('.ant-message-notice').filter({ has: page.locator('.ant-message-error') });

/** Waits until no toast is left, so the next error toast is the one the next step raises. */
async function noToasts(page: Page): Promise<void> {
  await page.mouse.move(0, 0); // a toast paused under the pointer (nextErrorToast) resumes and leaves
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 20_000 });
}

/** Waits for the next error toast, pauses it (hover) so the screenshot catches it, and returns its text. */
async function nextErrorToast(page: Page): Promise<{ toast: Locator; text: string }> {
  const toast = errorToasts(page).first();
  await toast.waitFor();
  await toast.hover().catch(() => undefined); // antd pauses a hovered message; it may already be leaving
  return { toast, text: (await toast.innerText()).trim() };
}

describe('English: no Chinese text from the backend reaches the screen (browser host + Chromium)', () => {
  const app = useE2E();
  const page = () => app.page;
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-e2e-english-'));
  afterAll(() => fs.rmSync(files, { recursive: true, force: true }));
  let hazard: { id: string; serial: string };

  const shot = async (n: number, name: string) => {
    const file = await app.shot(`english-${String(n).padStart(2, '0')}-${name}`);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  };

  it('sets the store up through the API and switches the UI to English', async () => {
    await new SetupPage(page()).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: 'Taizhou English Test Co., Ltd.', uscc: USCC, headcount: 50 },
      operator: { empNo: ADMIN.empNo, name: ADMIN.name, gender: 'M', roles: ['union_officer'], pin: null },
    });
    const w = await api<{ id: string }>(app.host, 'workers.create', { empNo: PIN_OP.empNo, name: PIN_OP.name, gender: 'F', roles: ['safety_officer'] });
    await api(app.host, 'operators.add', { workerId: w.id, isAdmin: false, pin: PIN_OP.pin });
    hazard = await api(app.host, 'hazards.report', {
      foundAt: todayAtMidnight(),
      source: 'self_check',
      category1: 'material',
      category2: 'physical',
      description: 'Oil spill on the forklift aisle of workshop 2, slipping risk',
      grade: 'general',
      lec: { l: 3, e: 6, c: 7 },
    });

    // the tab keeps its token: a reload boots signed in as the first operator; the header button switches language
    await page().evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    await page().reload();
    const shell = new Shell(page());
    await shell.waitSignedIn(ADMIN.name);
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('menuitem', { name: en('nav.ledger') }).waitFor();
    await waitText(shell.currentOperator, new RegExp(`^${escapeRe(en('nav.operator'))}\\s*${ADMIN.name}`));
    const stored = await page().evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('ankang.locale'));
    expect(stored).toBe('en');
  });

  it('the home page in English shows no Chinese text from the backend (statistics table, charts)', async () => {
    const p = page();
    await p.getByRole('menuitem', { name: en('nav.home') }).click();
    // the statistics table has its row for the hazard (logged in no workshop); the open-by-workshop chart has drawn
    await p.getByTestId('stats-table').locator('.ant-table-row').first().waitFor();
    const workshopChart = p.locator('[data-chart="workshop"]');
    await workshopChart.waitFor();
    await workshopChart.scrollIntoViewIfNeeded();
    await shot(0, 'home-workshop-chart');
    await p.getByTestId('stats-table').scrollIntoViewIfNeeded();
    await shot(0, 'home-stats-table');
    // ECharts draws on a canvas, which is no text: the chart's accessible description names the same workshops
    // (soft, so that one run reports the chart and the table)
    const chartLabel = (await workshopChart.getAttribute('aria-label')) ?? '';
    expect.soft(chartLabel).not.toBe('');
    expect.soft([...chartLabel].filter((c) => CJK.test(c)), `home page, workshop chart: Chinese text in ${JSON.stringify(chartLabel)}`).toEqual([]);
    await expectScreenEnglish(p, 'home page');
  });

  it('signing out keeps the language: the sign-in screen is in English', async () => {
    // the sign-in screen has no language button of its own
    await page().getByRole('button', { name: en('nav.signOut') }).click();
    await page().getByRole('heading', { name: `${en('app.title')} · ${en('signin.title')}` }).waitFor();
    await page().getByRole('button', { name: `${en('signin.submit')} ${PIN_OP.name}` }).waitFor();
    await expectScreenEnglish(page(), 'sign-in screen');
  });

  it('sign-in: a wrong PIN, then the lock after five wrong PINs, are shown in English', async () => {
    const p = page();
    const alert = p.getByRole('region', { name: `${en('app.title')} · ${en('signin.title')}` }).getByRole('alert');
    const pin = p.getByLabel(en('signin.pin'), { exact: true });
    const submit = p.locator('form').getByRole('button', { name: label(en('signin.submit')) });
    /** Submits a PIN and waits for the answer: the field is emptied after a refusal. */
    const tryPin = async (value: string) => {
      await pin.fill(value);
      await submit.click();
      await alert.waitFor();
      await p.waitForFunction((el) => (el as unknown as { value: string }).value === '', await pin.elementHandle());
    };

    await p.getByRole('button', { name: `${en('signin.submit')} ${PIN_OP.name}` }).click();
    await pin.waitFor();
    await tryPin('0000');
    await waitText(alert, enPattern('err.pin.wrong'));
    expectEnglish(await alert.innerText(), 'wrong PIN');
    await shot(1, 'pin-wrong');
    await expectScreenEnglish(p, 'wrong PIN');

    for (let i = 2; i <= 4; i++) await tryPin(String(1000 + i));
    await waitText(alert, enPattern('err.pin.wrong', { left: 1 }));
    // the fifth wrong PIN locks sign-in, and the sixth attempt, even with the right PIN, meets the lock
    await tryPin('1005');
    await waitText(alert, enPattern('err.pin.locked'));
    await tryPin(PIN_OP.pin);
    await waitText(alert, enPattern('err.pin.locked'));
    const locked = await alert.innerText();
    expectEnglish(locked, 'PIN locked');
    expect(locked).toMatch(/until \d\d:\d\d:\d\d \(try again in about 1 min\)/); // the parameters are filled in
    await shot(2, 'pin-locked');
    await expectScreenEnglish(p, 'PIN locked');

    // the administrator has no PIN: one click signs in, still in English
    await p.getByRole('button', { name: `${en('signin.submit')} ${ADMIN.name}` }).click();
    await new Shell(p).waitSignedIn(ADMIN.name);
    await p.getByRole('menuitem', { name: en('nav.ledger') }).waitFor();
  });

  it('quick log: a file that is not an image, added as a photo, is refused in English', async () => {
    const p = page();
    await p.getByRole('menuitem', { name: en('nav.ledger') }).click();
    await p.getByTestId('ledger-total').waitFor();
    await waitText(p.getByTestId('ledger-total'), en('hz.total', { n: 1 }));
    await p.keyboard.press('Alt+N');
    const dialog = p.getByRole('dialog', { name: en('hz.quickLog') });
    await dialog.waitFor();

    const notImage = path.join(files, 'notes.txt');
    fs.writeFileSync(notImage, 'forklift inspection notes, not a photo\n');
    await noToasts(p);
    await dialog.getByTestId('photo-input').setInputFiles(notImage);
    const { text } = await nextErrorToast(p);
    // the reason names the file once (the picker adds the name only to messages that lack it)
    expect(text).toMatch(enPattern('err.photo.notImage', { fileName: 'notes.txt' }));
    expectEnglish(text, 'photo that is not an image');
    expect(await dialog.getByAltText('notes.txt', { exact: true }).count()).toBe(0); // no thumbnail: nothing was added
    await shot(3, 'photo-not-image');
    await expectScreenEnglish(p, 'photo that is not an image');

    await dialog.locator('.ant-modal-footer').getByRole('button', { name: label(en('common.close')) }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('roster import: a CSV with no header row is refused in English', async () => {
    const p = page();
    await p.getByRole('menuitem', { name: en('nav.roster') }).click();
    await waitText(p.getByTestId('roster-total'), en('roster.total', { n: 2 }));
    await p.getByRole('button', { name: label(en('roster.import')) }).click();
    const dialog = p.getByRole('dialog', { name: en('import.title') });
    await dialog.getByText(en('import.pick')).waitFor();

    // worker rows straight away, no row naming the columns
    await noToasts(p); // the photo's toast is gone: the screenshot shows this step alone
    const csv = ['C1001,Wang Lei,M,Assembly,13800000001', 'C1002,Li Na,F,Packing,13800000002', 'C1003,Zhou Tao,M,Storage,13800000003'].join('\r\n');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'roster-no-header.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const alert = dialog.getByRole('alert');
    await waitText(alert, enPattern('err.import.noHeader'));
    expectEnglish(await alert.innerText(), 'import without a header row');
    await shot(4, 'import-no-header');
    await expectScreenEnglish(p, 'import without a header row');

    await dialog.getByRole('button', { name: label(en('common.cancel')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitText(p.getByTestId('roster-total'), en('roster.total', { n: 2 })); // nothing was imported
  });

  it('new worker: an employee number that exists is refused in English, on the field and in a message', async () => {
    const p = page();
    await p.getByRole('button', { name: label(en('roster.newWorker')) }).click();
    const form = p.getByRole('dialog', { name: en('roster.newWorker') });
    const empNo = form.getByLabel(en('worker.empNo'), { exact: true });
    await empNo.waitFor();
    await empNo.fill(ADMIN.empNo); // the administrator's own number
    await form.getByLabel(en('worker.name'), { exact: true }).fill('Zhao Ming');
    await noToasts(p);
    await form.getByRole('button', { name: label(en('common.save')) }).click();

    const { text } = await nextErrorToast(p);
    expect(text).toMatch(enPattern('err.worker.empNoTaken', { empNo: ADMIN.empNo }));
    expectEnglish(text, 'duplicate employee number (message)');
    const fieldError = form
      .locator('.ant-form-item')
      .filter({ has: p.getByLabel(en('worker.empNo'), { exact: true }) })
      .locator('.ant-form-item-explain-error');
    await waitText(fieldError, enPattern('v.duplicate'));
    expectEnglish(await fieldError.innerText(), 'duplicate employee number (field)');
    await shot(5, 'duplicate-emp-no');
    await expectScreenEnglish(p, 'duplicate employee number');

    await form.getByRole('button', { name: label(en('common.cancel')) }).click();
    await form.waitFor({ state: 'hidden' });
    await waitText(p.getByTestId('roster-total'), en('roster.total', { n: 2 }));
  });

  it('hazard workflow: an action made stale by a change elsewhere is refused in English', async () => {
    const p = page();
    await p.getByRole('menuitem', { name: en('nav.ledger') }).click();
    const ledger = new LedgerPage(p);
    await ledger.row(hazard.serial).waitFor();
    await ledger.open(hazard.serial);
    await waitText(ledger.drawer.tags, en('hazardStatus.reported'));
    const confirmButton = ledger.drawer.actions.getByRole('button', { name: label(en('hazardAction.confirm')) });
    await confirmButton.waitFor();

    // meanwhile the hazard is confirmed elsewhere: the drawer still offers 确认定级, the backend now refuses it
    await api(app.host, 'hazards.confirm', { id: hazard.id, grade: 'general', lec: { l: 3, e: 6, c: 7 }, comment: 'confirmed on another screen' });
    await confirmButton.click();
    const dialog = p.getByRole('dialog', { name: `${en('hazardAction.confirm')} · ${hazard.serial}` });
    await dialog.waitFor();
    await noToasts(p);
    await dialog.getByRole('button', { name: label(en('common.ok')) }).click();

    const { text } = await nextErrorToast(p);
    expect(text).toMatch(enPattern('err.hazard.refused.status', { action: '@hazardAction.confirm', status: '@hazardStatus.confirmed' }));
    expectEnglish(text, 'stale workflow action');
    await dialog.waitFor(); // the dialog stays open: nothing was done
    await shot(6, 'workflow-refused');
    await expectScreenEnglish(p, 'stale workflow action');

    await dialog.getByRole('button', { name: label(en('common.cancel')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(app.pageErrors).toEqual([]);
  });
});
