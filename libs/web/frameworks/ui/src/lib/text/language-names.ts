const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** The English name of a BCP-47 language code ("it" → "Italian"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
