/** Escapes LIKE/ILIKE wildcards so that user text matches literally (PostgreSQL's default escape, backslash). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
