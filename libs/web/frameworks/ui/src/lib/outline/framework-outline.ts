import { CategoryNode, CategoryOutline, FrameworkOutline, ScaleLevelView, TextValue } from '@proficio/shared/contracts';
import { outlinePositions } from './competency-label';

/**
 * A competency as the browser knows it before its levels are read (`GET /api/frameworks/:id/outline`): enough to
 * list it, find it, place it in the level grid and place the framework's warnings on it.
 */
export interface OutlineCompetency {
  readonly id: string;
  readonly key: string;
  readonly code: string;
  readonly title: TextValue;
  /** Numbers of the levels at which it is defined, ascending. */
  readonly levels: readonly number[];
  /** Numbers of the levels it declares not practised, ascending. */
  readonly notPractisedLevels: readonly number[];
}

/** A framework version as the browser shows it: its outline, with categories naming their competencies by id. */
export interface OutlinedFramework extends Omit<FrameworkOutline, 'categories' | 'uncategorised' | 'competencies'> {
  readonly categories: CategoryNode[];
  readonly uncategorisedCompetencyIds: string[];
  /** In document order (the order the warnings' JSON pointers count in). */
  readonly competencies: OutlineCompetency[];
}

/** The outline the API sends, read for the browser: titles as texts with their language, indexes as ids. */
export function readOutline(outline: FrameworkOutline): OutlinedFramework {
  const { categories, uncategorised, competencies, ...framework } = outline;
  const ids = competencies.map((competency) => competency.id);
  const idsOf = (indexes: number[]) => indexes.flatMap((index) => ids[index] ?? []);
  const category = ({ competencies: indexes, children, ...rest }: CategoryOutline): CategoryNode => ({
    ...rest,
    children: children.map(category),
    competencyIds: idsOf(indexes),
  });
  return {
    ...framework,
    categories: categories.map(category),
    uncategorisedCompetencyIds: idsOf(uncategorised),
    competencies: competencies.map((competency) => ({
      id: competency.id,
      key: competency.key,
      code: competency.code,
      title: {
        text: competency.title,
        language: competency.titleLanguage ?? outline.requestedLanguage,
        fallback: competency.titleLanguage !== undefined,
      },
      levels: competency.levels,
      notPractisedLevels: competency.notPractisedLevels ?? [],
    })),
  };
}

/** What the outline needs of a competency: its id, code and title. */
export type ListedCompetency = Pick<OutlineCompetency, 'id' | 'code' | 'title'>;

/** What the outline needs of a framework: its categories and competencies. */
export interface OutlineSource<C extends ListedCompetency = ListedCompetency> {
  readonly categories: CategoryNode[];
  readonly uncategorisedCompetencyIds: string[];
  readonly competencies: readonly C[];
}

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
export interface OutlinedCompetency<C extends ListedCompetency = OutlineCompetency> {
  readonly competency: C;
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
export function frameworkOutline(tree: OutlineSource): OutlineNode[] {
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
export function outlinedCompetencies<C extends ListedCompetency>(tree: OutlineSource<C>): OutlinedCompetency<C>[] {
  const byId = new Map(tree.competencies.map((competency) => [competency.id, competency]));
  const outline = frameworkOutline(tree);
  const positions = outlinePositions(outline);
  const result: OutlinedCompetency<C>[] = [];
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
