import { Download, expect, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** A file the browser downloaded, read back from disk. */
export interface DownloadedFile {
  readonly filename: string;
  readonly text: string;
  readonly download: Download;
}

/** Runs `start` (a click), waits for the browser's download event and reads the saved file. */
export async function downloadBy(page: Page, start: () => Promise<void>): Promise<DownloadedFile> {
  const downloading = page.waitForEvent('download');
  await start();
  const download = await downloading;
  expect(await download.failure()).toBeNull();
  const path = await download.path();
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return { filename: download.suggestedFilename(), text, download };
}
