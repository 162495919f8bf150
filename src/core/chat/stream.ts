/**
 * Turns a callback-style stream (`onToken`) plus the promise of its result into an async
 * iterator of tokens, so a generator can `yield` each token as it arrives.
 */

/** One item of a bridged stream: a token, or the end with the result. */
export type Bridged<R> = { readonly token: string } | { readonly done: R };

/**
 * Runs `start(onToken)` and yields every token, then `{ done: result }`. A rejected promise is
 * rethrown after the tokens that came before it.
 */
export async function* bridgeTokens<R>(start: (onToken: (t: string) => void) => Promise<R>): AsyncGenerator<Bridged<R>> {
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let result: R | undefined;
  let failure: { error: unknown } | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  start((t) => {
    queue.push(t);
    notify();
  }).then(
    (r) => {
      result = r;
      finished = true;
      notify();
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      notify();
    },
  );
  for (;;) {
    if (queue.length) {
      yield { token: queue.splice(0, queue.length).join('') };
      continue;
    }
    if (finished) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  if (failure) throw (failure as { error: unknown }).error;
  yield { done: result as R };
}
