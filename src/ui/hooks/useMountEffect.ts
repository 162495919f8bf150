import { useEffect, useRef } from 'react';

/** Runs `fn` once after the first render (and only once, even under StrictMode's double effects). */
export function useMountEffect(fn: () => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    fn();
  }, []);
}
