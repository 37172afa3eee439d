/** A run of plain lines (one paragraph, line breaks kept) or of "- " list items. */
export type TextBlock = { readonly kind: 'paragraph'; readonly lines: string[] } | { readonly kind: 'list'; readonly items: string[] };

const LIST_ITEM = /^\s*[-•]\s+/;

/**
 * Splits a multi-line text (guidance notes, level descriptions) into blocks:
 * consecutive lines starting with "- " become one list, other lines one
 * paragraph per blank-line-separated run with their line breaks kept.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    const last = blocks.at(-1);
    if (LIST_ITEM.test(line)) {
      const item = line.replace(LIST_ITEM, '');
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (line.trim() === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
    } else if (last?.kind === 'paragraph') {
      last.lines.push(line);
    } else {
      blocks.push({ kind: 'paragraph', lines: [line] });
    }
  }
  return blocks.filter((block) => (block.kind === 'list' ? block.items.length > 0 : block.lines.length > 0));
}
