import type { FrameworkExportNote, FrameworkExportNoteKind } from '@proficio/shared/contracts';
import type { ImportIssue } from './import-result';

/** How many places a note lists at most: the count says how many there are. */
export const NOTE_LOCATIONS = 5;

/** "1 competency" / "3 competencies". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A note about `count` records, with the first few places when it has them. */
export function note(kind: FrameworkExportNoteKind, message: string, count = 1, locations: readonly string[] = []): FrameworkExportNote {
  return {
    kind,
    message,
    count,
    ...(locations.length ? { locations: locations.slice(0, NOTE_LOCATIONS) } : {}),
  };
}

/**
 * How a group of Moodle CSV losses at the same kind of place (`/competencies/* /levels`) reads as one note.
 * Places not listed here read as their first loss, "and n more like it".
 */
const MOODLE_GROUPS: Record<string, { kind?: FrameworkExportNoteKind; message: (n: number) => string }> = {
  '/competencies/*/levels': {
    message: (n) =>
      `The levels of ${counted(n, 'competency', 'competencies')}, with their descriptions, indicators and questions, are left out: Moodle rates every competency on the whole scale and has no per-level text.`,
  },
  '/competencies/*/code': {
    message: (n) => `${counted(n, 'competency code is', 'competency codes are')} left out: Moodle has only the ID number (the key).`,
  },
  '/categories/*/code': {
    message: (n) => `${counted(n, 'category code is', 'category codes are')} left out: Moodle has only the ID number (the key).`,
  },
  '/categories/*/key': {
    message: (n) => `${counted(n, 'category key is', 'category keys are')} also a competency key; Moodle ID numbers are one namespace.`,
  },
  '/categories/*': {
    message: (n) => `${counted(n, 'empty category is', 'empty categories are')} a competency in Moodle, and come back as competencies.`,
  },
  '/categories/*/name': {
    message: (n) => `${counted(n, 'category name is', 'category names are')} longer than Moodle's 100 characters and would be cut.`,
  },
  '/competencies/*/title': {
    message: (n) => `${counted(n, 'competency title is', 'competency titles are')} longer than Moodle's 100 characters and would be cut.`,
  },
  '/competencies/*/guidance': { message: (n) => `The guidance notes of ${counted(n, 'competency', 'competencies')} are left out.` },
  '/competencies/*': { message: (n) => `The change markers of ${counted(n, 'competency', 'competencies')} are left out.` },
  '/competencies/*/notPractisedLevels': {
    message: (n) => `The "not practised" levels of ${counted(n, 'competency', 'competencies')} are left out.`,
  },
  '/scale/levels/*/description': { message: (n) => `The descriptions of ${counted(n, 'scale level', 'scale levels')} are left out.` },
  '/scale/levels/*/guidingPhrase': {
    message: (n) => `The guiding phrases of ${counted(n, 'scale level', 'scale levels')} are left out.`,
  },
  // The export marks the highest level proficient: Moodle needs one.
  '/scale/levels': {
    kind: 'added',
    message: () => 'No scale level is marked proficient: the export marks the highest, as Moodle needs one.',
  },
};

/**
 * What a Moodle CSV export loses (checkMoodleCsvFit's warnings), as notes: the losses at the same kind of place
 * (the same pointer but for its indices) are one note counting them, in the order they first appear; a loss alone
 * at its kind of place keeps its own words.
 */
export function moodleExportNotes(losses: readonly ImportIssue[]): FrameworkExportNote[] {
  const groups = new Map<string, ImportIssue[]>();
  for (const loss of losses) {
    const shape = loss.location.replace(/\/\d+(?=\/|$)/g, '/*');
    groups.set(shape, [...(groups.get(shape) ?? []), loss]);
  }
  return [...groups].map(([shape, issues]) => {
    const group = MOODLE_GROUPS[shape];
    const first = issues[0] as ImportIssue;
    const message =
      issues.length === 1
        ? first.message
        : group
          ? group.message(issues.length)
          : `${first.message} (and ${issues.length - 1} more like it)`;
    return note(
      group?.kind ?? 'left-out',
      message,
      issues.length,
      issues.map((issue) => issue.location),
    );
  });
}
