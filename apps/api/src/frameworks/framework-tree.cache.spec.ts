import { FrameworkTreeCache, FrameworkView } from './framework-tree.cache';
import type { FrameworkStatus } from '@proficio/shared/contracts';

const published = (id: string) => ({ id, status: 'published' as const });
const key = (version: { id: string; status: FrameworkStatus }, language: string, view: FrameworkView = 'tree') => ({
  version,
  language,
  view,
});
const json = (text: string) => async () => Buffer.from(text);
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FrameworkTreeCache', () => {
  it('builds a tree once per version, status and language', async () => {
    const cache = new FrameworkTreeCache();
    const build = jest.fn(json('{"a":1}'));
    await cache.get(key(published('v1'), 'en'), build);
    await cache.get(key(published('v1'), 'en'), build);
    await cache.get(key(published('v1'), 'it'), build);
    await cache.get(key({ id: 'v1', status: 'retired' }, 'en'), build);
    expect(build).toHaveBeenCalledTimes(3);
    await settle();
    expect(cache.size).toEqual({ entries: 3, bytes: 21 });
  });

  it("keeps a version's outline apart from its tree", async () => {
    const cache = new FrameworkTreeCache();
    await cache.get(key(published('v1'), 'en', 'tree'), json('{"tree":1}'));
    const outline = await cache.get(key(published('v1'), 'en', 'outline'), json('{"outline":1}'));
    expect(outline.toString()).toBe('{"outline":1}');
    expect((await cache.get(key(published('v1'), 'en', 'tree'), json('rebuilt'))).toString()).toBe('{"tree":1}');
    expect((await cache.get(key(published('v1'), 'en', 'outline'), json('rebuilt'))).toString()).toBe('{"outline":1}');
    expect(cache.size.entries).toBe(2);
  });

  it('never keeps a draft', async () => {
    const cache = new FrameworkTreeCache();
    const build = jest.fn(json('{}'));
    await cache.get(key({ id: 'v1', status: 'draft' }, 'en'), build);
    await cache.get(key({ id: 'v1', status: 'draft' }, 'en'), build);
    expect(build).toHaveBeenCalledTimes(2);
    expect(cache.size.entries).toBe(0);
  });

  it('lets reads that arrive during a build wait for it, and forgets a build that failed', async () => {
    const cache = new FrameworkTreeCache();
    const failing = jest.fn(async () => Promise.reject(new Error('database gone')));
    const [first, second] = [cache.get(key(published('v1'), 'en'), failing), cache.get(key(published('v1'), 'en'), failing)];
    await expect(first).rejects.toThrow('database gone');
    await expect(second).rejects.toThrow('database gone');
    expect(failing).toHaveBeenCalledTimes(1);
    await settle();
    expect(cache.size.entries).toBe(0);
    expect((await cache.get(key(published('v1'), 'en'), json('{}'))).toString()).toBe('{}');
  });

  it('drops the least recently used tree beyond its number of entries', async () => {
    const cache = new FrameworkTreeCache({ maxEntries: 2, maxBytes: 1000 });
    await cache.get(key(published('a'), 'en'), json('a'));
    await cache.get(key(published('b'), 'en'), json('b'));
    await cache.get(key(published('a'), 'en'), json('not built'));
    await cache.get(key(published('c'), 'en'), json('c'));
    await settle();
    expect((await cache.get(key(published('a'), 'en'), json('a again'))).toString()).toBe('a');
    expect((await cache.get(key(published('b'), 'en'), json('b again'))).toString()).toBe('b again');
  });

  it('drops the least recently used trees beyond its bytes, and keeps none that is alone too large', async () => {
    const cache = new FrameworkTreeCache({ maxEntries: 10, maxBytes: 10 });
    await cache.get(key(published('a'), 'en'), json('aaaa'));
    await cache.get(key(published('b'), 'en'), json('bbbb'));
    await settle();
    await cache.get(key(published('c'), 'en'), json('cccc'));
    await settle();
    expect(cache.size).toEqual({ entries: 2, bytes: 8 });
    expect((await cache.get(key(published('a'), 'en'), json('rebuilt'))).toString()).toBe('rebuilt');
    await settle();
    expect(cache.size).toEqual({ entries: 1, bytes: 7 });
    await cache.get(key(published('huge'), 'en'), json('x'.repeat(11)));
    await settle();
    expect(cache.size).toEqual({ entries: 1, bytes: 7 });
  });
});
