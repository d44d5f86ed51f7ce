// The modules' own home-page cards (PageDef.cards in app/pages.ts): each loaded lazily, in the list's order, below the
// built-in ones. A card that fails to load shows nothing rather than breaking the home page.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { PAGE_DEFS, type PageDef } from '../../app/pages';

const CARDS: ComponentType[] = (PAGE_DEFS as readonly PageDef[]).flatMap((p) => (p.cards ?? []).map((load) => lazy(load)));

class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function ModuleCards() {
  return (
    <>
      {CARDS.map((Card, i) => (
        <Quiet key={i}>
          <Suspense fallback={null}>
            <Card />
          </Suspense>
        </Quiet>
      ))}
    </>
  );
}
