/**
 * Waits until a condition holds, checking it every few milliseconds: for
 * states the test cannot be told about (e.g. two requests blocked on a lock),
 * instead of a fixed sleep. Fails with `what` after `timeoutMs`.
 */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
