/// <reference types="jest" />

/** A file the app handed to the browser's download. */
export interface SavedFile {
  readonly name: string;
  readonly blob: Blob;
}

/**
 * Catches the files the app saves (saveFile() clicks a download link to an object URL; jsdom makes no object URLs
 * and downloads nothing): call it in a `describe` block. `saved()` lists the files saved so far in the current test.
 */
export function savedFiles(): { readonly saved: () => SavedFile[] } {
  let saved: SavedFile[] = [];
  let click: jest.SpyInstance | undefined;
  beforeEach(() => {
    saved = [];
    const blobs = new Map<string, Blob>();
    // stubs, left in place: saveFile() revokes the URL in a later task
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:proficio/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (this.download && blob) saved.push({ name: this.download, blob });
    });
  });
  afterEach(() => click?.mockRestore());
  return { saved: () => saved };
}
