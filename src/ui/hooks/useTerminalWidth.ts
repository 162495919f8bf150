import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/**
 * The terminal's width, updated on resize. History items get it as an explicit width: `<Static>`
 * lays its items out in an absolutely positioned box, whose width otherwise grows with the
 * content and lets wrapped text run past the right edge.
 */
export function useTerminalWidth(fallback = 80): number {
  const { stdout } = useStdout();
  const [width, setWidth] = useState(stdout.columns || fallback);
  useEffect(() => {
    const onResize = () => setWidth(stdout.columns || fallback);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fallback]);
  return width;
}
