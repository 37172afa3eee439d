import type { FrameworkStatus } from '@proficio/shared/contracts';

/** What is kept of a version: its whole tree (`GET /api/frameworks/:id`) or its outline (`GET /api/frameworks/:id/outline`). */
export type FrameworkView = 'tree' | 'outline';

/** What names one kept JSON: the version (its status too), the language its texts are read in and the view. */
export interface FrameworkViewKey {
  version: { id: string; status: FrameworkStatus };
  language: string;
  view: FrameworkView;
}

/** How much the cache holds at most: trees, and bytes of their JSON together. */
export interface FrameworkTreeCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/** 128 MB: two dozen 10,000-item frameworks (about 5 MB each), or every built-in pack in every language many times over. */
export const DEFAULT_TREE_CACHE_LIMITS: FrameworkTreeCacheLimits = { maxEntries: 500, maxBytes: 128 * 1024 * 1024 };

interface Entry {
  json: Promise<Buffer>;
  /** The size of the JSON once built; 0 while it is built. */
  bytes: number;
}

/**
 * The localized trees and outlines (as the UTF-8 JSON sent) of framework versions that cannot change, built once per
 * version, language and view and kept in this process, the least recently used dropped first. A stored version's rows are never
 * rewritten: a new scale or an import is a new version with an id of its own, so a tree cached under a version's
 * id is never stale, and each API instance may keep its own. Only a draft could change (none is written today):
 * drafts are never cached, and the key holds the status, so a version whose status changed is built again.
 *
 * The promise is what is kept, so that requests arriving while a tree is built wait for the same build; a build
 * that fails is forgotten.
 */
export class FrameworkTreeCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly limits: FrameworkTreeCacheLimits = DEFAULT_TREE_CACHE_LIMITS) {}

  /** Whether trees of versions with this status may be kept: any but a draft's. */
  static keeps(status: FrameworkStatus): boolean {
    return status !== 'draft';
  }

  /** The JSON of (version, status, language, view): the one kept, else `build()`'s, kept when the version cannot change. */
  get({ version, language, view }: FrameworkViewKey, build: () => Promise<Buffer>): Promise<Buffer> {
    if (!FrameworkTreeCache.keeps(version.status)) return build();
    const key = `${version.id}|${version.status}|${language}|${view}`;
    const found = this.entries.get(key);
    if (found) {
      // The most recently used last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.json;
    }
    const entry: Entry = { json: build(), bytes: 0 };
    this.entries.set(key, entry);
    entry.json.then(
      (json) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = json.length;
        this.bytes += json.length;
        this.evict(key);
      },
      () => this.remove(key, entry),
    );
    this.evict(key);
    return entry.json;
  }

  /** How many trees and outlines are kept (or being built), and the bytes of those built. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Forgets every tree. */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Drops `newest` when it alone is too large, then the least recently used trees until the limits hold. */
  private evict(newest: string): void {
    const entry = this.entries.get(newest);
    if (entry && entry.bytes > this.limits.maxBytes) this.remove(newest, entry);
    for (const [key, other] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) return;
      if (key !== newest) this.remove(key, other);
    }
  }
}
