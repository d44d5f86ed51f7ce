import { useEffect, useState } from 'react';

/** A search box's text, applied to the list query once typing pauses. */
export function useDebouncedSearch(applied: string, apply: (s: string) => void, delay = 200): [string, (s: string) => void] {
  const [text, setText] = useState(applied);
  useEffect(() => {
    if (text === applied) return;
    const h = setTimeout(() => apply(text), delay);
    return () => clearTimeout(h);
  }, [text, applied, apply, delay]);
  return [text, setText];
}

/**
 * List pages' keyboard: Ctrl/Cmd+F focuses the search box; Alt+N (or Ctrl/Cmd+N in the desktop app,
 * where no browser reserves it) creates a new record.
 */
export function useListShortcuts(opts: { focusSearch(): void; create(): void; enabled: boolean }) {
  const { focusSearch, create, enabled } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
        e.preventDefault();
        focusSearch();
      } else if (enabled && ((e.altKey && e.code === 'KeyN') || ((e.ctrlKey || e.metaKey) && e.key === 'n'))) {
        e.preventDefault();
        create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch, create, enabled]);
}
