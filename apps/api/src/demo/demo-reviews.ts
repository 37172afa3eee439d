import type { ReviewView } from '@proficio/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access';
import type { ReviewCyclesService, ReviewsQueryService, ReviewsWriteService } from '../reviews';

/** The services the demo walks its reviews through, as a person would (so every rule, event and snapshot is real). */
export interface DemoReviewServices {
  cycles: ReviewCyclesService;
  reads: ReviewsQueryService;
  writes: ReviewsWriteService;
}

/** A demo person as the review seeding needs them: their employee id, and the account that acts for them. */
export interface DemoReviewPerson {
  employeeId: string;
  /** Their own account, else the demo administrator's (people without an account of their own). */
  userId: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** How far each demo person's review in the open cycle has come. */
const OPEN_CYCLE_PROGRESS: Record<string, 'not_started' | 'self_assessment' | 'manager_assessment' | 'discussion'> = {
  sara: 'self_assessment',
  tom: 'manager_assessment',
  luca: 'discussion',
};

/**
 * The demo's review cycles: last year's annual review of Luca and Sara, closed, every review
 * signed by both (so this year's reviews show the difference against it); and this year's for IT
 * Services, open and under way — Sara rating herself, Tom waiting for Luca, Luca's review with
 * Marco (the demo manager) at the discussion, the others not started. Written through the review
 * services, so states, events, snapshots and the assessments of the locked reviews are as real.
 */
export async function seedDemoReviews(
  services: DemoReviewServices,
  manager: EntityManager,
  people: Map<string, DemoReviewPerson>,
  admin: Actor,
  teams: { it: string },
  now: Date,
): Promise<number> {
  const year = now.getUTCFullYear();
  const actorOf = (key: string): Actor => {
    const person = people.get(key);
    if (!person) throw new Error(`no demo person ${key}`);
    return { userId: person.userId, employeeId: person.employeeId, roles: ['employee', 'manager'] };
  };
  const keyOf = (employeeId: string | undefined) => [...people.entries()].find(([, person]) => person.employeeId === employeeId)?.[0];
  const managerActor = (review: ReviewView): Actor => {
    const key = keyOf(review.manager?.id);
    return key ? actorOf(key) : admin;
  };

  const last = await services.cycles.create(admin, {
    name: `${year - 1} annual review`,
    periodStart: `${year - 1}-01-01`,
    periodEnd: `${year - 1}-12-31`,
    selfDue: `${year - 1}-11-20`,
    managerDue: `${year - 1}-12-10`,
    // Luca and Sara: Tom joined the desk's reviews this year (his levels from before are shown as stale).
    participants: { kind: 'people', employeeIds: ['luca', 'sara'].map((key) => actorOf(key).employeeId ?? '') },
    includeTargetRole: false,
  });
  await services.cycles.open(admin, last.id);
  let walked = 0;
  for (const summary of await reviewsOf(manager, last.id)) {
    const key = keyOf(summary.employee_id);
    if (!key) continue;
    const review = await services.reads.get(admin, summary.id);
    await walk(services, review, actorOf(key), managerActor(review), 'locked', -1);
    walked += 1;
  }
  await services.cycles.close(admin, last.id);

  const current = await services.cycles.create(admin, {
    name: `${year} annual review`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    selfDue: isoDay(addDays(now, 7)),
    managerDue: isoDay(addDays(now, 21)),
    participants: { kind: 'team', teamId: teams.it },
    includeTargetRole: true,
  });
  await services.cycles.open(admin, current.id);
  for (const summary of await reviewsOf(manager, current.id)) {
    const key = keyOf(summary.employee_id);
    const until = key ? OPEN_CYCLE_PROGRESS[key] : undefined;
    if (!key || !until) continue;
    const review = await services.reads.get(admin, summary.id);
    await walk(services, review, actorOf(key), managerActor(review), until, 0);
    walked += 1;
  }
  return walked;
}

function reviewsOf(manager: EntityManager, cycleId: string): Promise<{ id: string; employee_id: string }[]> {
  return manager.query(`SELECT id, employee_id FROM review WHERE cycle_id = $1 ORDER BY created_at, id`, [cycleId]);
}

/**
 * Walks one review to `until`. Levels: the manager rates one below the target last year (`offset`
 * -1, never below the competency's lowest level) and at the target this year; the person rates
 * themselves one above the manager where the competency allows, so the two sides differ somewhere.
 */
async function walk(
  services: DemoReviewServices,
  review: ReviewView,
  person: Actor,
  reviewer: Actor,
  until: 'not_started' | 'self_assessment' | 'manager_assessment' | 'discussion' | 'locked',
  offset: number,
): Promise<void> {
  if (until === 'not_started' || review.competencies.length === 0) return;
  const levelFor = (item: ReviewView['competencies'][number], shift: number) => {
    const levels = item.levels.map((level) => level.level);
    const wanted = (item.target?.level ?? item.growthTarget?.level ?? levels[0] ?? 1) + offset + shift;
    return levels.reduce((best, level) => (Math.abs(level - wanted) < Math.abs(best - wanted) ? level : best), levels[0] ?? 1);
  };
  await services.writes.act(person, review.id, 'start', {});
  const self = review.competencies.map((item) => ({
    competencyId: item.competency.id,
    outcome: 'rated' as const,
    level: levelFor(item, 1),
  }));
  if (until === 'self_assessment') {
    // Half done: the first competency rated, the rest still to do.
    await services.writes.saveRatings(person, review.id, { role: 'self', ratings: self.slice(0, 1) });
    return;
  }
  await services.writes.saveRatings(person, review.id, { role: 'self', ratings: self });
  await services.writes.act(person, review.id, 'submit-self', {});
  if (until === 'manager_assessment') return;
  await services.writes.saveRatings(reviewer, review.id, {
    role: 'manager',
    ratings: review.competencies.map((item) => ({
      competencyId: item.competency.id,
      outcome: 'rated' as const,
      level: levelFor(item, 0),
      rationale:
        offset < 0
          ? `Agreed at last year's review: steady work on ${item.competency.code}, one step from the target.`
          : `Meets what the role asks of ${item.competency.code}: see the evidence accepted this year.`,
    })),
  });
  await services.writes.saveNotes(reviewer, review.id, {
    notes: [{ text: offset < 0 ? 'A good year; next year: lead one improvement.' : 'Talk about the move towards the target role.' }],
  });
  await services.writes.act(reviewer, review.id, 'share', {});
  if (until === 'discussion') return;
  await services.writes.act(reviewer, review.id, 'sign', {});
  await services.writes.act(person, review.id, 'sign', {});
}
