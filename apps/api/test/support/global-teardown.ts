export default async function globalTeardown(): Promise<void> {
  try {
    await globalThis.__PROFICIO_TEST_TEMPLATE__?.drop();
  } finally {
    await globalThis.__PROFICIO_TEST_POSTGRES__?.stop();
  }
}
