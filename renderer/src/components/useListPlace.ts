import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/** Each list's last place: its query and active row. */
const places = new Map<string, { key: string; index: number }>();

/**
 * The active row of a long list, remembered per list so that coming back (from a source the row
 * opened) shows the same row. A new query `key` starts at the top, unless it is the one left.
 */
export function useListPlace(list: string, key: string): [number, Dispatch<SetStateAction<number>>] {
  const [active, setActive] = useState(() => (places.get(list)?.key === key ? places.get(list)!.index : 0));
  useEffect(() => {
    places.set(list, { key, index: active });
  }, [list, key, active]);
  const firstKey = useRef(key);
  useEffect(() => {
    if (firstKey.current !== key) setActive(0);
    firstKey.current = key;
  }, [key]);
  return [active, setActive];
}
