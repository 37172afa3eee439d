import { FrameworkWarning, ScaleLevelView } from '@proficio/shared/contracts';
import { competencyShortName } from '../outline/competency-label';
import { OutlineCompetency, levelTitle } from '../outline/framework-outline';

/** What placing warnings needs of a framework: its competencies in document order, with their level numbers. */
export interface WarningSource {
  readonly competencies: readonly Pick<OutlineCompetency, 'id' | 'key' | 'levels'>[];
}

/** The part of a competency a warning's JSON pointer lands on. */
export type WarningPart = 'competency' | 'title' | 'description' | 'guidance' | 'level' | 'indicator' | 'question' | 'probe';

/** Where a warning applies, resolved against the tree. */
export interface WarningPlace {
  readonly competencyId?: string;
  /** Level number (not array index). */
  readonly level?: number;
  readonly part: WarningPart;
  /** Indicator or question index (0-based). */
  readonly index?: number;
  /** Probe index within the question (0-based). */
  readonly probeIndex?: number;
}

const isIndex = (segment: string | undefined): segment is string => segment !== undefined && /^\d+$/.test(segment);

/**
 * Resolves a warning's location — a JSON pointer into the framework document
 * (`/competencies/0/levels/3/indicators/5`), whose competencies and levels are
 * in the same order as the tree's arrays — falling back to its competencyKey
 * and level when the pointer does not reach a competency.
 */
export function placeOfWarning(tree: WarningSource, warning: FrameworkWarning): WarningPlace {
  const segments = warning.location
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [root, competencyIndex, field, levelIndex, levelField, itemIndex, questionField, probeIndex] = segments;

  let competency = root === 'competencies' && isIndex(competencyIndex) ? tree.competencies[Number(competencyIndex)] : undefined;
  competency ??= warning.competencyKey ? tree.competencies.find((c) => c.key === warning.competencyKey) : undefined;
  if (!competency) return { part: 'competency', level: warning.level };

  if (field === 'levels') {
    const level = (isIndex(levelIndex) ? competency.levels[Number(levelIndex)] : undefined) ?? warning.level;
    const base = { competencyId: competency.id, level };
    if (levelField === 'indicators' && isIndex(itemIndex)) return { ...base, part: 'indicator', index: Number(itemIndex) };
    if (levelField === 'questions' && isIndex(itemIndex)) {
      return questionField === 'probes' && isIndex(probeIndex)
        ? { ...base, part: 'probe', index: Number(itemIndex), probeIndex: Number(probeIndex) }
        : { ...base, part: 'question', index: Number(itemIndex) };
    }
    return { ...base, part: 'level' };
  }
  if (field === 'title' || field === 'description' || field === 'guidance') return { competencyId: competency.id, part: field };
  return warning.level !== undefined
    ? { competencyId: competency.id, level: warning.level, part: 'level' }
    : { competencyId: competency.id, part: 'competency' };
}

const keyOf = (place: Omit<WarningPlace, 'competencyId'> & { competencyId: string }) =>
  [place.competencyId, place.level ?? '', place.part, place.index ?? '', place.probeIndex ?? ''].join('|');

/** Looks up the warnings that apply to each part of a framework, for inline markers. */
export class WarningIndex {
  private readonly exact = new Map<string, FrameworkWarning[]>();
  private readonly byCompetency = new Map<string, FrameworkWarning[]>();
  private readonly byLevel = new Map<string, FrameworkWarning[]>();

  constructor(tree: WarningSource & { readonly warnings: readonly FrameworkWarning[] }) {
    for (const warning of tree.warnings) {
      const place = placeOfWarning(tree, warning);
      if (!place.competencyId) continue;
      const add = (map: Map<string, FrameworkWarning[]>, key: string) => map.set(key, [...(map.get(key) ?? []), warning]);
      add(this.exact, keyOf({ ...place, competencyId: place.competencyId }));
      add(this.byCompetency, place.competencyId);
      if (place.level !== undefined) add(this.byLevel, `${place.competencyId}|${place.level}`);
    }
  }

  /** All warnings anywhere in the competency. */
  inCompetency(competencyId: string): FrameworkWarning[] {
    return this.byCompetency.get(competencyId) ?? [];
  }

  /** All warnings anywhere in one level of the competency. */
  inLevel(competencyId: string, level: number): FrameworkWarning[] {
    return this.byLevel.get(`${competencyId}|${level}`) ?? [];
  }

  /** Warnings pointing exactly at one part. */
  at(competencyId: string, part: WarningPart, level?: number, index?: number, probeIndex?: number): FrameworkWarning[] {
    return this.exact.get(keyOf({ competencyId, part, level, index, probeIndex })) ?? [];
  }
}

/** "SMP › Level 4 › Behaviour indicator 6" (the title for a competency without a code): where a warning applies, in words. */
export function describeWarningPlace(
  tree: { readonly competencies: readonly Pick<OutlineCompetency, 'id' | 'key' | 'code' | 'title' | 'levels'>[] } & {
    scale: { levels: ScaleLevelView[] };
  },
  warning: FrameworkWarning,
): string {
  const place = placeOfWarning(tree, warning);
  const competency = tree.competencies.find((c) => c.id === place.competencyId);
  if (!competency) return place.level !== undefined ? `Level ${place.level}` : 'Framework';
  const parts = [competencyShortName(competency)];
  if (place.level !== undefined) {
    parts.push(
      levelTitle(
        tree.scale.levels.find((l) => l.number === place.level),
        place.level,
      ),
    );
  }
  const n = (place.index ?? 0) + 1;
  switch (place.part) {
    case 'title':
      parts.push('Title');
      break;
    case 'description':
      parts.push('Description');
      break;
    case 'guidance':
      parts.push('Guidance notes');
      break;
    case 'indicator':
      parts.push(`Behaviour indicator ${n}`);
      break;
    case 'question':
      parts.push(`Interview question ${n}`);
      break;
    case 'probe':
      parts.push(`Interview question ${n}`, `Probing question ${(place.probeIndex ?? 0) + 1}`);
      break;
    default:
      break;
  }
  return parts.join(' › ');
}
