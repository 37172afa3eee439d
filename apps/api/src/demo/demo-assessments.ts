/**
 * Two years of plausible assessments for the demo organisation, planned as rows (a pure function
 * of its input and today's date, so every seeding of the same organisation on the same day gives
 * the same levels, dates and texts; only the ids differ).
 *
 * Per person and requirement of their role profile: a manager review about every six months over
 * two years, the level drifting up towards the role's target (and, for some, one above), always
 * at one of the competency's own levels; the first review of some is "not assessed"; some stop
 * more than a year ago, so their current level is stale. People with an account of their own
 * rate themselves a few days before some reviews, sometimes one level above their manager. Two
 * manager records are corrected afterwards (a `correction` replacing them, with the reason).
 */
import { randomUUID } from 'node:crypto';

export interface DemoRequirement {
  competencyId: string;
  code: string;
  /** The competency's title, in English when it has one. */
  title: string;
  /** The competency's own levels (or its framework's scale), ascending. */
  levels: number[];
  targetLevel: number;
}

export interface DemoSubject {
  /** Stable name for the pseudo-random draws (the demo person's key). */
  key: string;
  employeeId: string;
  firstName: string;
  /** Who rates as manager: the person's manager (or, without one, an administrator's employee record). */
  assessorEmployeeId: string | null;
  /** The manager's account, or an administrator's when the manager has none. */
  assessorUserId: string;
  /** The person's own account: self-assessments are only planned for people who can sign in. */
  selfUserId: string | null;
  /** How many levels below the target the person started two years ago (0: already there). */
  startGap: number;
  requirements: DemoRequirement[];
}

export interface DemoAssessmentRow {
  id: string;
  employee_id: string;
  competency_id: string;
  kind: 'assessment' | 'correction';
  role: 'manager' | 'self';
  outcome: 'rated' | 'not_assessed';
  level: number | null;
  assessed_on: string;
  recorded_at: string;
  assessor_user_id: string;
  assessor_employee_id: string | null;
  rationale: string | null;
  confidence: 'low' | 'medium' | 'high' | null;
  replaces_id: string | null;
  reason: string | null;
}

/** Review dates, in days before today: about every six months over two years. The first three are over a year old. */
const REVIEW_DAYS_AGO = [715, 545, 400, 215, 35];
/** Reviews kept by a pair whose ratings stopped more than a year ago. */
const STALE_REVIEWS = 3;
const DAY = 86_400_000;

/** FNV-1a: a 32-bit seed from a string, so each person and competency draws its own sequence. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  let state = seedOf(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

function managerRationale(random: () => number, name: string, title: string, level: number, target: number, previous?: number): string {
  const progress =
    previous === undefined ? 'First rating: ' : level > previous ? `Up from level ${previous}: ` : level < previous ? 'Rated lower: ' : '';
  const below = [
    `${name} handles the routine ${title} work with some guidance; the next step towards level ${target} is to do it unaided.`,
    `Good progress on ${title}: ${name} resolves the usual cases but still escalates the unusual ones. Not yet at level ${target}.`,
    `${name} is building up ${title}: sound work on what came up this period, not yet consistent enough for level ${target}.`,
  ];
  const at = [
    `${name} works at the role's level on ${title}: independent, dependable, and explains decisions clearly to others.`,
    `Meets the role's expectation (level ${target}) on ${title}; feedback from colleagues and users confirms it.`,
    `${name} now owns ${title} work end to end, with no need for review.`,
  ];
  const above = [
    `${name} goes beyond the role on ${title}: coaches colleagues and improved how the team works.`,
    `Above the role's level on ${title}: ${name} set up the approach others now follow.`,
  ];
  const text = level < target ? pick(random, below) : level === target ? pick(random, at) : pick(random, above);
  return `${progress}${text}`;
}

function selfRationale(random: () => number, title: string, above: boolean): string | null {
  if (random() < 0.4) return null;
  return above
    ? pick(random, [
        `I have been doing the ${title} work of the level above for a few months now.`,
        `I think I am ready for the next level of ${title}: I handled the hardest cases of the period myself.`,
      ])
    : pick(random, [
        `I am comfortable with ${title} at this level.`,
        `Most of my ${title} work this period went well without help.`,
        `Still learning parts of ${title}, but steady.`,
      ]);
}

/** Plans the demo history; `today` is the seeding date (records are dated before it). */
export function planDemoAssessments(subjects: readonly DemoSubject[], today: Date): DemoAssessmentRow[] {
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const rows: DemoAssessmentRow[] = [];
  const at = (daysAgo: number, minutes: number) => {
    const day = now - daysAgo * DAY;
    return { date: isoDate(day), time: new Date(day + (9 * 60 + minutes) * 60_000).toISOString() };
  };

  for (const subject of subjects) {
    // One review day per person and cycle, a few days either side of the round date.
    const personRandom = seededRandom(`demo-assessments/${subject.key}`);
    const reviewDays = REVIEW_DAYS_AGO.map((days) => days + Math.floor(personRandom() * 15) - 7);

    subject.requirements.forEach((requirement, position) => {
      const levels = [...requirement.levels].sort((a, b) => a - b);
      if (levels.length === 0) return;
      const random = seededRandom(`demo-assessments/${subject.key}/${requirement.code}`);
      // The target as an index into the competency's own levels (the nearest at or below it).
      const targetIndex = Math.max(
        0,
        levels.reduce((found, level, index) => (level <= requirement.targetLevel ? index : found), 0),
      );
      // Someone who started at the role's level often grows beyond it; others seldom do.
      const cap = Math.min(levels.length - 1, targetIndex + (random() < (subject.startGap === 0 ? 0.6 : 0.2) ? 1 : 0));
      let index = Math.max(0, targetIndex - subject.startGap - (random() < 0.25 ? 1 : 0));
      const stale = random() < 0.25;
      const lateStart = random() < 0.4;
      const reviews = reviewDays.slice(0, stale ? STALE_REVIEWS : reviewDays.length);
      let previous: number | undefined;

      reviews.forEach((daysAgo, review) => {
        if (review > 0 && index < cap && random() < 0.65) index++;
        const level = levels[index] as number;
        const notAssessed = review === 0 && lateStart;
        const when = at(daysAgo, position * 7 + review);

        if (subject.selfUserId && random() < 0.7) {
          const above = index < levels.length - 1 && random() < 0.35;
          const selfWhen = at(daysAgo + 3 + Math.floor(random() * 6), 30 + position * 7);
          rows.push({
            id: randomUUID(),
            employee_id: subject.employeeId,
            competency_id: requirement.competencyId,
            kind: 'assessment',
            role: 'self',
            outcome: 'rated',
            level: levels[above ? index + 1 : index] as number,
            assessed_on: selfWhen.date,
            recorded_at: selfWhen.time,
            assessor_user_id: subject.selfUserId,
            assessor_employee_id: subject.employeeId,
            rationale: selfRationale(random, requirement.title, above),
            confidence: pick(random, [null, 'medium', 'high'] as const),
            replaces_id: null,
            reason: null,
          });
        }

        rows.push({
          id: randomUUID(),
          employee_id: subject.employeeId,
          competency_id: requirement.competencyId,
          kind: 'assessment',
          role: 'manager',
          outcome: notAssessed ? 'not_assessed' : 'rated',
          level: notAssessed ? null : level,
          assessed_on: when.date,
          recorded_at: when.time,
          assessor_user_id: subject.assessorUserId,
          assessor_employee_id: subject.assessorEmployeeId,
          rationale: notAssessed
            ? `Not assessed yet: ${subject.firstName} has had no ${requirement.title} work so far to judge by.`
            : managerRationale(random, subject.firstName, requirement.title, level, requirement.targetLevel, previous),
          confidence: notAssessed ? null : pick(random, ['medium', 'high', 'medium', 'low'] as const),
          replaces_id: null,
          reason: null,
        });
        if (!notAssessed) previous = level;
      });
    });
  }
  return [...rows, ...plannedCorrections(rows, subjects)].sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
}

/**
 * Two corrections of manager ratings, of two different people: one of a past review, one of the
 * latest review of its competency. The record as first written had a level one off (one too high
 * when the competency has a level above, else one too low); the correction, written two days
 * later with the same date, holds the level the review agreed on. Changes the chosen records.
 */
function plannedCorrections(rows: readonly DemoAssessmentRow[], subjects: readonly DemoSubject[]): DemoAssessmentRow[] {
  const random = seededRandom('demo-assessments/corrections');
  const levelsOf = new Map(subjects.flatMap((subject) => subject.requirements.map((r) => [r.competencyId, r.levels] as const)));
  const rated = rows.filter((row) => row.role === 'manager' && row.outcome === 'rated');
  const latestOf = new Map<string, DemoAssessmentRow>();
  for (const row of rated) {
    const key = `${row.employee_id}/${row.competency_id}`;
    const latest = latestOf.get(key);
    if (!latest || latest.assessed_on < row.assessed_on) latestOf.set(key, row);
  }
  const latest = new Set(latestOf.values());
  const corrections: DemoAssessmentRow[] = [];
  for (const wantLatest of [false, true]) {
    const candidates = rated.filter(
      (row) =>
        latest.has(row) === wantLatest &&
        (levelsOf.get(row.competency_id)?.length ?? 0) > 1 &&
        !corrections.some((other) => other.employee_id === row.employee_id),
    );
    if (candidates.length === 0) continue;
    const original = pick(random, candidates);
    const levels = [...(levelsOf.get(original.competency_id) ?? [])].sort((a, b) => a - b);
    const agreed = original.level as number;
    const index = levels.indexOf(agreed);
    const tooHigh = index < levels.length - 1;
    original.level = levels[tooHigh ? index + 1 : index - 1] as number;
    corrections.push({
      ...original,
      id: randomUUID(),
      kind: 'correction',
      level: agreed,
      recorded_at: new Date(Date.parse(original.recorded_at) + 2 * DAY).toISOString(),
      rationale: `${original.rationale ?? ''} Level ${agreed}, as agreed at the calibration meeting.`.trim(),
      replaces_id: original.id,
      reason: `Level ${original.level} was entered by mistake before the calibration meeting, which agreed on level ${agreed}.`,
    });
  }
  return corrections;
}
