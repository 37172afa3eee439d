import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REVIEW_STATES,
  type FieldError,
  type Page,
  type ReviewCyclePreview,
  type ReviewCycleProgress,
  type ReviewCycleStatus,
  type ReviewCycleView,
  type ReviewStateCounts,
} from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { ProblemException } from '../common/filters/problem.exception';
import { conflict, fieldProblem, notFound } from '../common/problems';
import { execute, type Paging, query, queryOne, sql, type SqlRunner } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import { progressDays } from './cycle-progress';
import type { ReviewCycleDto } from './dto/review.dto';
import { todayIso } from './reviews-query.service';
import {
  activeAmong,
  createReviews,
  cycleById,
  cycleCounts,
  cyclePage,
  cycleProgressDeltas,
  type CycleRow,
  participantCondition,
  previewCounts,
  previewSample,
  type CycleCountsRow,
} from './reviews.queries';

/** What the audit log keeps of a cycle. */
const cycleSnapshot = (
  cycle: Pick<
    CycleRow,
    | 'name'
    | 'period_start'
    | 'period_end'
    | 'self_due'
    | 'manager_due'
    | 'participants_kind'
    | 'team_id'
    | 'role_profile_id'
    | 'picked'
    | 'include_target_role'
    | 'status'
  >,
) => ({
  name: cycle.name,
  periodStart: cycle.period_start,
  periodEnd: cycle.period_end,
  selfDue: cycle.self_due,
  managerDue: cycle.manager_due,
  participants: cycle.participants_kind,
  teamId: cycle.team_id,
  roleProfileId: cycle.role_profile_id,
  picked: cycle.picked.length,
  includeTargetRole: cycle.include_target_role,
  status: cycle.status,
});

const emptyCounts = (): ReviewStateCounts => Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as ReviewStateCounts;

function toCycleView(cycle: CycleRow, counts: CycleCountsRow[]): ReviewCycleView {
  const byState = emptyCounts();
  let overdue = 0;
  for (const count of counts) {
    byState[count.state] = count.count;
    overdue += count.overdue;
  }
  const participantsLabel =
    cycle.participants_kind === 'team'
      ? `Team ${cycle.team_name ?? ''} and its sub-teams`
      : cycle.participants_kind === 'role-profile'
        ? `Everyone in the role ${cycle.role_profile_name ?? ''}`
        : `${cycle.picked.length} ${cycle.picked.length === 1 ? 'person' : 'people'} picked`;
  return {
    id: cycle.id,
    name: cycle.name,
    periodStart: cycle.period_start,
    periodEnd: cycle.period_end,
    selfDue: cycle.self_due,
    managerDue: cycle.manager_due,
    status: cycle.status,
    participants: {
      kind: cycle.participants_kind,
      ...(cycle.team_id ? { teamId: cycle.team_id } : {}),
      ...(cycle.role_profile_id ? { roleProfileId: cycle.role_profile_id } : {}),
      ...(cycle.participants_kind === 'people' ? { employeeIds: cycle.picked } : {}),
    },
    participantsLabel,
    includeTargetRole: cycle.include_target_role,
    ...(cycle.opened_at ? { openedAt: cycle.opened_at.toISOString() } : {}),
    ...(cycle.closed_at ? { closedAt: cycle.closed_at.toISOString() } : {}),
    createdAt: cycle.created_at.toISOString(),
    counts: byState,
    total: Object.values(byState).reduce((sum, count) => sum + count, 0),
    overdue,
  };
}

/**
 * Review cycles: administrators create, edit, open and close them; opening creates every
 * participant's review in one transaction (two set-based statements), and people joining later are
 * added the same way. Managers and employees see the cycles they have a review in, with counts of
 * the reviews in their reach.
 */
/** The review cycle `id` (locked for the transaction when `lock`), or a 404. */
async function existingCycle(runner: SqlRunner, id: string, lock = false): Promise<CycleRow> {
  const cycle = await cycleById(runner, id, lock);
  if (!cycle) throw notFound('Review cycle', id);
  return cycle;
}

@Injectable()
export class ReviewCyclesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writes: AuditedWrites,
  ) {}

  async list(actor: Actor, filter: { status?: ReviewCycleStatus }, paging: Paging): Promise<Page<ReviewCycleView>> {
    const { rows, total } = await cyclePage(this.db.manager, actor, filter, paging);
    const counts = await cycleCounts(
      this.db.manager,
      actor,
      rows.map((row) => row.id),
      todayIso(),
    );
    return {
      items: rows.map((row) =>
        toCycleView(
          row,
          counts.filter((count) => count.cycle_id === row.id),
        ),
      ),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async get(actor: Actor, id: string, runner: EntityManager = this.db.manager): Promise<ReviewCycleView> {
    const cycle = await existingCycle(runner, id);
    const counts = await cycleCounts(runner, actor, [id], todayIso());
    if (!actor.roles.includes('admin') && counts.length === 0) throw notFound('Review cycle', id);
    return toCycleView(cycle, counts);
  }

  /** The cycle's progress per day since it opened (UTC dates), over the reviews in the caller's reach; no days before it opens. */
  async progress(actor: Actor, id: string): Promise<ReviewCycleProgress> {
    const cycle = await existingCycle(this.db.manager, id);
    const deltas = await cycleProgressDeltas(this.db.manager, actor, id);
    // As for the cycle itself: anyone but an admin sees a cycle only with a review in reach.
    if (!actor.roles.includes('admin') && deltas.length === 0) throw notFound('Review cycle', id);
    if (!cycle.opened_at) return { cycleId: id, days: [] };
    return { cycleId: id, days: progressDays(cycle.opened_at.toISOString().slice(0, 10), todayIso(), deltas) };
  }

  async create(actor: Actor, request: ReviewCycleDto): Promise<ReviewCycleView> {
    const id = randomUUID();
    await this.writes.run(actor, async (tx) => {
      await this.check(tx.manager, request);
      await execute(
        tx.manager,
        sql`INSERT INTO review_cycle (id, name, period_start, period_end, self_due, manager_due, participants_kind, team_id, role_profile_id,
                                      include_target_role, created_by)
            VALUES (${id}, ${request.name}, ${request.periodStart}, ${request.periodEnd}, ${request.selfDue}, ${request.managerDue},
                    ${request.participants.kind}, ${request.participants.kind === 'team' ? request.participants.teamId : null},
                    ${request.participants.kind === 'role-profile' ? request.participants.roleProfileId : null},
                    ${request.includeTargetRole}, ${actor.userId})`,
      );
      if (request.participants.kind === 'people') await this.pick(tx.manager, id, request.participants.employeeIds ?? []);
      const created = await cycleById(tx.manager, id);
      tx.audit({ action: 'create', entityType: 'review_cycle', entityId: id, after: created && cycleSnapshot(created) });
    });
    return this.get(actor, id);
  }

  /** A draft changes freely; an open cycle keeps its participants and scope (its reviews exist), only its name and dates change. */
  async update(actor: Actor, id: string, request: ReviewCycleDto): Promise<ReviewCycleView> {
    await this.writes.run(actor, async (tx) => {
      const cycle = await existingCycle(tx.manager, id, true);
      if (cycle.status === 'closed') throw conflict('A closed review cycle cannot change.');
      await this.check(tx.manager, request);
      if (cycle.status === 'open') {
        const sameParticipants =
          request.participants.kind === cycle.participants_kind &&
          (request.participants.teamId ?? null) === cycle.team_id &&
          (request.participants.roleProfileId ?? null) === cycle.role_profile_id &&
          (request.participants.kind !== 'people' ||
            [...(request.participants.employeeIds ?? [])]
              .map((employeeId) => employeeId.toLowerCase())
              .sort()
              .join() === [...cycle.picked].sort().join());
        if (!sameParticipants) {
          throw fieldProblem('participants', 'cannot change once the cycle is open: add people to it instead', HttpStatus.CONFLICT);
        }
        if (request.includeTargetRole !== cycle.include_target_role) {
          throw fieldProblem(
            'includeTargetRole',
            'cannot change once the cycle is open (the reviews hold their scope)',
            HttpStatus.CONFLICT,
          );
        }
      }
      await execute(
        tx.manager,
        sql`UPDATE review_cycle SET name = ${request.name}, period_start = ${request.periodStart}, period_end = ${request.periodEnd},
                   self_due = ${request.selfDue}, manager_due = ${request.managerDue}, participants_kind = ${request.participants.kind},
                   team_id = ${request.participants.kind === 'team' ? request.participants.teamId : null},
                   role_profile_id = ${request.participants.kind === 'role-profile' ? request.participants.roleProfileId : null},
                   include_target_role = ${request.includeTargetRole}, updated_at = now()
            WHERE id = ${id}`,
      );
      if (cycle.status === 'draft') {
        await execute(tx.manager, sql`DELETE FROM review_cycle_pick WHERE cycle_id = ${id}`);
        if (request.participants.kind === 'people') await this.pick(tx.manager, id, request.participants.employeeIds ?? []);
      }
      const updated = await cycleById(tx.manager, id);
      tx.audit({
        action: 'update',
        entityType: 'review_cycle',
        entityId: id,
        before: cycleSnapshot(cycle),
        after: updated && cycleSnapshot(updated),
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.writes.run(actor, async (tx) => {
      const cycle = await existingCycle(tx.manager, id, true);
      if (cycle.status !== 'draft') throw conflict('Only a draft review cycle can be deleted: an opened one holds reviews.');
      await execute(tx.manager, sql`DELETE FROM review_cycle WHERE id = ${id}`);
      tx.audit({ action: 'delete', entityType: 'review_cycle', entityId: id, before: cycleSnapshot(cycle) });
    });
  }

  /** Who opening the cycle (or adding `employeeIds` to it) would include, with what would be missing. */
  async preview(id: string, employeeIds?: string[]): Promise<ReviewCyclePreview> {
    const cycle = await existingCycle(this.db.manager, id);
    const condition = employeeIds?.length
      ? activeAmong(employeeIds.map((employeeId) => employeeId.toLowerCase()))
      : participantCondition(cycle);
    const [counts, sample] = await Promise.all([previewCounts(this.db.manager, id, condition), previewSample(this.db.manager, condition)]);
    return {
      participants: counts?.participants ?? 0,
      withoutRoleProfile: counts?.without_role_profile ?? 0,
      withoutManager: counts?.without_manager ?? 0,
      alreadyIn: counts?.already_in ?? 0,
      sample: sample.map((row) => ({
        id: row.id,
        name: row.name,
        ...(row.role_profile ? { roleProfile: row.role_profile } : {}),
        ...(row.manager ? { manager: row.manager } : {}),
      })),
    };
  }

  /** Opens the cycle: one review per participant, assigned to their manager now, with the targets published now. */
  async open(actor: Actor, id: string): Promise<ReviewCycleView> {
    await this.writes.run(actor, async (tx) => {
      const cycle = await existingCycle(tx.manager, id, true);
      if (cycle.status !== 'draft')
        throw fieldProblem('status', `is ${cycle.status}: only a draft cycle can be opened`, HttpStatus.CONFLICT);
      const created = await createReviews(tx.manager, cycle, participantCondition(cycle));
      if (created === 0) throw fieldProblem('participants', 'include nobody active: choose who takes part', HttpStatus.CONFLICT);
      await execute(tx.manager, sql`UPDATE review_cycle SET status = 'open', opened_at = now(), updated_at = now() WHERE id = ${id}`);
      tx.audit({
        action: 'open',
        entityType: 'review_cycle',
        entityId: id,
        before: cycleSnapshot(cycle),
        after: { ...cycleSnapshot({ ...cycle, status: 'open' }), reviews: created },
      });
    });
    return this.get(actor, id);
  }

  /** People joining an open cycle: a review each (none for those already in it). */
  async addParticipants(actor: Actor, id: string, employeeIds: string[]): Promise<ReviewCycleView> {
    const ids = [...new Set(employeeIds.map((employeeId) => employeeId.toLowerCase()))];
    await this.writes.run(actor, async (tx) => {
      const cycle = await existingCycle(tx.manager, id, true);
      if (cycle.status !== 'open') throw fieldProblem('status', `is ${cycle.status}: people join an open cycle`, HttpStatus.CONFLICT);
      await this.requireEmployees(tx.manager, ids, 'employeeIds');
      if (cycle.participants_kind === 'people') await this.pick(tx.manager, id, ids);
      const created = await createReviews(tx.manager, cycle, activeAmong(ids));
      tx.audit({ action: 'update', entityType: 'review_cycle', entityId: id, after: { added: created } });
    });
    return this.get(actor, id);
  }

  /** Closing stops reminders and new participants; reviews under way can still be finished. */
  async close(actor: Actor, id: string): Promise<ReviewCycleView> {
    await this.writes.run(actor, async (tx) => {
      const cycle = await existingCycle(tx.manager, id, true);
      if (cycle.status !== 'open')
        throw fieldProblem('status', `is ${cycle.status}: only an open cycle can be closed`, HttpStatus.CONFLICT);
      await execute(tx.manager, sql`UPDATE review_cycle SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = ${id}`);
      tx.audit({
        action: 'close',
        entityType: 'review_cycle',
        entityId: id,
        before: cycleSnapshot(cycle),
        after: cycleSnapshot({ ...cycle, status: 'closed' }),
      });
    });
    return this.get(actor, id);
  }

  private async check(manager: EntityManager, request: ReviewCycleDto): Promise<void> {
    const errors: FieldError[] = [];
    if (request.periodEnd < request.periodStart) errors.push({ field: 'periodEnd', message: 'must be on or after periodStart' });
    if (request.managerDue < request.selfDue) errors.push({ field: 'managerDue', message: 'must be on or after selfDue' });
    if (errors.length) throw new RequestValidationException(errors);
    const participants = request.participants;
    if (participants.kind === 'team') {
      const team = await queryOne(manager, sql`SELECT 1 FROM team WHERE id = ${participants.teamId}`);
      if (!team) throw fieldProblem('participants.teamId', 'is not an existing team');
    } else if (participants.kind === 'role-profile') {
      const profile = await queryOne(manager, sql`SELECT 1 FROM role_profile WHERE id = ${participants.roleProfileId}`);
      if (!profile) throw fieldProblem('participants.roleProfileId', 'is not an existing role profile');
    } else {
      await this.requireEmployees(manager, participants.employeeIds ?? [], 'participants.employeeIds');
    }
  }

  private async requireEmployees(manager: EntityManager, employeeIds: string[], field: string): Promise<void> {
    const ids = employeeIds.map((employeeId) => employeeId.toLowerCase());
    const found = new Set(
      (await query<{ id: string }>(manager, sql`SELECT id FROM employee WHERE id = ANY(${ids}::uuid[])`)).map((row) => row.id),
    );
    const errors = ids.flatMap((employeeId, index) =>
      found.has(employeeId) ? [] : [{ field: `${field}.${index}`, message: 'is not an existing employee' }],
    );
    if (errors.length) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'The change cannot be made', 'Some people named do not exist.', errors);
    }
  }

  private async pick(manager: EntityManager, cycleId: string, employeeIds: string[]): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO review_cycle_pick (cycle_id, employee_id)
          SELECT ${cycleId}, unnest(${[...new Set(employeeIds.map((employeeId) => employeeId.toLowerCase()))]}::uuid[])
          ON CONFLICT DO NOTHING`,
    );
  }
}
