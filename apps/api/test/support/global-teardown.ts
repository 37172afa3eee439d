export default async function globalTeardown(): Promise<void> {
  await globalThis.__PROFICIO_TEST_POSTGRES__?.stop();
}
