import type { OutlineNode } from './framework-outline';

/** What naming a competency needs: CASE items without humanCodingScheme arrive with an empty code. */
export interface NamedCompetency {
  readonly code: string;
  readonly title: { readonly text: string };
}

/** The short label a competency shows where a code goes: its code, or its place in the outline when it has none. */
export interface CompetencyLabel {
  readonly text: string;
  /** True for a place in the outline ("1.2.3"), which the framework does not define: shown muted, not read out. */
  readonly isPosition: boolean;
}

/** The competency's code, or null when it has none (blank counts as none). */
export function competencyCode(competency: Pick<NamedCompetency, 'code'>): string | null {
  return competency.code.trim() || null;
}

/** "C.1 User Support", or only the title when the competency has no code: for headings, lists and spoken names. */
export function competencyName(competency: NamedCompetency): string {
  const code = competencyCode(competency);
  const title = competency.title.text.trim();
  return code && title ? `${code} ${title}` : (code ?? title);
}

/** "C.1", or the title when the competency has no code: the shortest name that still says which one. */
export function competencyShortName(competency: NamedCompetency): string {
  return competencyCode(competency) ?? competency.title.text.trim();
}

/**
 * Every node's place in the outline, by id: "2" for the second node at the top, "2.1.3" for the third
 * child of its first child. Numbers count categories and competencies alike, in the outline's order.
 */
export function outlinePositions(nodes: readonly OutlineNode[]): Map<string, string> {
  const positions = new Map<string, string>();
  const visit = (siblings: readonly OutlineNode[], prefix: string) =>
    siblings.forEach((node, index) => {
      const position = `${prefix}${index + 1}`;
      positions.set(node.id, position);
      visit(node.children, `${position}.`);
    });
  visit(nodes, '');
  return positions;
}

/**
 * The label beside a competency's title in an outline: its code; its place in the outline ("1.2.3")
 * when it has no code; null when it has neither (a competency the outline does not reach).
 */
export function competencyLabel(competency: Pick<NamedCompetency, 'code'>, position: string | null | undefined): CompetencyLabel | null {
  const code = competencyCode(competency);
  if (code) return { text: code, isPosition: false };
  return position ? { text: position, isPosition: true } : null;
}
