import { useEffect, useState } from 'react';

/** Pixel height for a virtual table's body: the window's height less `offset` (antd needs a number). */
export function useTableHeight(offset: number, min = 240): number {
  const calc = () => Math.max(min, (typeof window === 'undefined' ? 800 : window.innerHeight) - offset);
  const [h, setH] = useState(calc);
  useEffect(() => {
    const onResize = () => setH(calc());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offset, min]);
  return h;
}
