// Waits for a promise at most `ms`, never throwing: the grader's cleanup and
// polling must not hang on a browser that crashed or stopped answering.
export function settle<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: unknown;
  const timeout = new Promise<undefined>((resolve) => {
    const started = setTimeout(resolve, ms);
    // A pending timer must not keep the grader alive once everything else is done.
    (started as unknown as { unref?: () => void }).unref?.();
    timer = started;
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer as Parameters<typeof clearTimeout>[0]));
}
