// The clear (×) buttons antd puts in filled selects, tree selects, auto-completes, date pickers and inputs with
// allowClear are real <button>s: each was a Tab stop between two fields, Enter on it wiped the value (a user
// tabbing on and pressing Enter to save lost the field), and Select's label is the English "Clear" whatever the
// locale. antd has no prop for either, so one observer for the whole app takes them out of the Tab order and labels
// them in the user's language; the mouse clears as before, and on the keyboard Delete in a select with a value and
// an empty search clears it.
import { useEffect } from 'react';

const SELECTOR = '.ant-select-clear, .ant-picker-clear, .ant-input-clear-icon';

function quiet(el: HTMLElement, label: string) {
  if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
  if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
}

/** Marks every clear button already under `root`. */
export function quietClearButtons(root: ParentNode, label: string) {
  for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) quiet(el, label);
}

/** Delete in a select with a value and nothing typed into its search clears it (the keyboard's way to the ×). */
function onKeyDown(e: KeyboardEvent) {
  if (e.key !== 'Delete' || e.defaultPrevented) return;
  const target = e.target as HTMLElement | null;
  if (!(target instanceof HTMLInputElement) || target.value !== '') return;
  const select = target.closest('.ant-select');
  const clear = select?.querySelector<HTMLElement>('.ant-select-clear');
  if (!clear) return;
  e.preventDefault();
  clear.click();
}

/**
 * Tab in a select whose list is open: antd takes the highlighted option and keeps the focus in the select (it calls
 * preventDefault), so a user who opened the list with Enter needed a second Tab to move on. As in a combobox of the
 * ARIA practices, Tab (Shift+Tab) now takes the option and moves on at once. Only selects without a search box (the
 * searching ones accept a typed name with Tab and stay, as their tests expect) and only one value (multiple selects
 * stay open to pick more).
 */
let tabFrom: HTMLElement | null = null;

function onTabCapture(e: KeyboardEvent) {
  tabFrom = null;
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement | null;
  if (!(target instanceof HTMLInputElement) || !target.readOnly || target.getAttribute('aria-expanded') !== 'true') return;
  const select = target.closest('.ant-select');
  if (!select || select.classList.contains('ant-select-multiple')) return;
  tabFrom = target;
}

const TABBABLE = 'input, select, textarea, button, a[href], [tabindex]';

function onTabBubble(e: KeyboardEvent) {
  const from = tabFrom;
  tabFrom = null;
  if (!from || e.target !== from || !e.defaultPrevented) return;
  const scope = from.closest('.ant-modal, .ant-drawer') ?? document.body;
  const all = [...scope.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'),
  );
  const next = all[all.indexOf(from) + (e.shiftKey ? -1 : 1)];
  next?.focus();
}

/** For the app's root: keeps every clear button in the document out of the Tab order, labelled `label`. */
export function useQuietClearButtons(label: string) {
  useEffect(() => {
    quietClearButtons(document.body, label);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') {
          if (r.target instanceof HTMLElement && r.target.matches(SELECTOR)) quiet(r.target, label);
          continue;
        }
        for (const n of r.addedNodes) {
          if (!(n instanceof HTMLElement)) continue;
          if (n.matches(SELECTOR)) quiet(n, label);
          else if (n.firstElementChild) quietClearButtons(n, label);
        }
      }
    });
    // attributes too: a component that re-renders its own label (the date picker's follows antd's locale) is re-marked
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'tabindex'] });
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keydown', onTabCapture, true);
    document.addEventListener('keydown', onTabBubble);
    return () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keydown', onTabCapture, true);
      document.removeEventListener('keydown', onTabBubble);
    };
  }, [label]);
}
