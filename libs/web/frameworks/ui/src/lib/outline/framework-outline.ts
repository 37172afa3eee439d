import { CategoryNode, CompetencyView, FrameworkTree, ScaleLevelView, TextValue } from '@proficio/shared/contracts';
import { outlinePositions } from './competency-label';

export interface CategoryOutlineNode {
  readonly kind: 'category';
  readonly id: string;
  readonly code?: string;
  readonly name: TextValue;
  readonly children: OutlineNode[];
}

export interface CompetencyOutlineNode {
  readonly kind: 'competency';
  readonly id: string;
  readonly code: string;
  readonly title: TextValue;
  readonly children: OutlineNode[];
}

export type OutlineNode = CategoryOutlineNode | CompetencyOutlineNode;

/** A competency with the names of the categories it sits in, outermost first. */
export interface OutlinedCompetency {
  readonly competency: CompetencyView;
  readonly categoryPath: string[];
  /** Its place in the outline ("1.2.3"); null when the outline does not reach it. */
  readonly position: string | null;
}

/** Id of the pseudo-category holding competencies without a category (only when the framework has categories). */
export const UNCATEGORISED_ID = 'uncategorised';

/**
 * The framework as a tree for browsing: categories (any depth) with their
 * competencies, then the uncategorised ones — in a pseudo-category when the
 * framework has categories, at the top level when it has none.
 */
export function frameworkOutline(tree: Pick<FrameworkTree, 'categories' | 'competencies' | 'uncategorisedCompetencyIds'>): OutlineNode[] {
  const byId = new Map(tree.competencies.map((competency) => [competency.id, competency]));
  const competencyNodes = (ids: string[]): OutlineNode[] =>
    ids.flatMap((id) => {
      const competency = byId.get(id);
      return competency
        ? [{ kind: 'competency' as const, id: competency.id, code: competency.code, title: competency.title, children: [] }]
        : [];
    });
  const categoryNode = (category: CategoryNode): OutlineNode => ({
    kind: 'category',
    id: category.id,
    code: category.code,
    name: category.name,
    children: [...competencyNodes(category.competencyIds), ...category.children.map(categoryNode)],
  });

  const nodes = tree.categories.map(categoryNode);
  const uncategorised = competencyNodes(tree.uncategorisedCompetencyIds);
  if (nodes.length === 0) return uncategorised;
  if (uncategorised.length > 0) {
    nodes.push({
      kind: 'category',
      id: UNCATEGORISED_ID,
      name: { text: 'Uncategorised', language: 'en', fallback: false },
      children: uncategorised,
    });
  }
  return nodes;
}

/** A category's code when its name does not already start with it ("C" for "RUN", nothing for "C. RUN"). */
export function categoryCode(node: Pick<CategoryOutlineNode, 'code' | 'name'>): string | null {
  const code = node.code?.trim();
  if (!code) return null;
  const name = node.name.text.trim();
  return name === code || name.startsWith(`${code} `) || name.startsWith(`${code}.`) || name.startsWith(`${code}:`) ? null : code;
}

/** Every competency in outline order (depth first), with its category path. */
export function outlinedCompetencies(
  tree: Pick<FrameworkTree, 'categories' | 'competencies' | 'uncategorisedCompetencyIds'>,
): OutlinedCompetency[] {
  const byId = new Map(tree.competencies.map((competency) => [competency.id, competency]));
  const outline = frameworkOutline(tree);
  const positions = outlinePositions(outline);
  const result: OutlinedCompetency[] = [];
  const visit = (node: OutlineNode, path: string[]) => {
    if (node.kind === 'competency') {
      const competency = byId.get(node.id);
      if (competency) result.push({ competency, categoryPath: path, position: positions.get(node.id) ?? null });
      return;
    }
    const code = categoryCode(node);
    const name = code ? `${code} ${node.name.text}` : node.name.text;
    node.children.forEach((child) => visit(child, [...path, name]));
  };
  outline.forEach((node) => visit(node, []));
  // Competencies the outline does not reach (a category id the tree does not list) still belong to the framework.
  const seen = new Set(result.map((entry) => entry.competency.id));
  tree.competencies.filter((c) => !seen.has(c.id)).forEach((competency) => result.push({ competency, categoryPath: [], position: null }));
  return result;
}

/**
 * A scale level's own label when it says more than its code: "Ensure, advise"
 * for SFIA 5, but nothing for "e-1" (e-CF) or "Level 1" / "Livello 1".
 */
export function distinctLevelLabel(level: ScaleLevelView): string {
  const label = level.label.text.trim();
  const code = level.code.trim();
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return label === code || new RegExp(`^\\p{L}+\\s+${escaped}$`, 'u').test(label) ? '' : label;
}

/** "Level 5: Ensure, advise", "Level 1", "Livello 1" or "e-1": a scale level's name without saying the same thing twice. */
export function levelTitle(level: ScaleLevelView | undefined, number?: number): string {
  if (!level) return `Level ${number ?? '?'}`;
  const label = level.label.text.trim();
  const code = level.code.trim();
  const prefix = /^\d+$/.test(code) ? `Level ${code}` : code;
  if (!label || label === code) return prefix;
  return distinctLevelLabel(level) ? `${prefix}: ${label}` : label;
}

/** "Level 5" for numbered scales, the code itself otherwise ("e-2"): short enough for a tab. */
export function levelShortTitle(level: ScaleLevelView | undefined, number?: number): string {
  const code = level?.code.trim() ?? String(number ?? '?');
  return /^\d+$/.test(code) ? `Level ${code}` : code;
}
