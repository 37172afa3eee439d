import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { DEFAULT_EVIDENCE_FILE_LIMITS, type EvidenceView, type FieldError, type NotificationKind } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AccessService, Actor } from '../access';
import { competencyFacts, type CompetencyFactsRow, settingNumber } from '../assessments';
import { type AuditedTransaction, AuditedWrites } from '../audit';
import { conflict, fieldProblem, notFound } from '../common/problems';
import { execute, query, sql } from '../common/sql';
import { RequestValidationException } from '../common/validation/validation-exception';
import type { CreateEvidenceDto, EvidenceContentDto, EvidenceCommentDto, EvidenceVerdictDto, UpdateEvidenceDto } from './dto/evidence.dto';
import { EvidenceQueryService } from './evidence-query.service';
import { actorName, evidenceById, type EvidenceRow, levelPrompts } from './evidence.queries';
import { evidenceSnapshot } from './evidence.view';
import { accountOfEmployee, NotificationService } from '../notifications';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A content request checked against the frameworks: what a revision stores. */
interface CheckedContent {
  title: string;
  activityFrom: string;
  activityTo: string | null;
  narrative: string | null;
  claims: { competencyId: string; level: number }[];
  answers: { claim: number; question: number; questionText: Record<string, string>; answer: string }[];
  indicators: { claim: number; indicator: number; text: Record<string, string> }[];
  links: string[];
}

/**
 * Writes evidence: drafts, amendments, submissions, verdicts and comments, each in one audited
 * transaction that first locks the item (`FOR UPDATE`), so that two tabs cannot both submit, or two
 * managers both give a verdict. Submitted revisions, verdicts and comments are only ever inserted
 * (the database refuses anything else); notifications are written in the same transaction and
 * mailed after it commits.
 */
@Injectable()
export class EvidenceWriteService {
  constructor(
    private readonly writes: AuditedWrites,
    private readonly access: AccessService,
    private readonly reads: EvidenceQueryService,
    private readonly notifications: NotificationService,
  ) {}

  async create(actor: Actor, request: CreateEvidenceDto, acceptLanguage?: string): Promise<EvidenceView> {
    await this.access.require(actor, 'evidence.submit', request.employeeId);
    const id = randomUUID();
    await this.writes.run(actor, async (tx) => {
      const content = await this.check(tx.manager, request);
      await execute(
        tx.manager,
        sql`INSERT INTO evidence (id, employee_id, created_by_user_id, status, current_revision, title)
            VALUES (${id}, ${request.employeeId}, ${actor.userId}, 'draft', 1, ${content.title})`,
      );
      await this.insertRevision(tx.manager, actor, id, 1, content);
      tx.audit({
        action: 'create',
        entityType: 'evidence',
        entityId: id,
        after: evidenceSnapshot({ status: 'draft', revision: 1, ...content }),
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  /** Edits the draft revision in place, or (after changes were requested or the evidence rejected) starts an amendment. */
  async update(actor: Actor, id: string, request: UpdateEvidenceDto, acceptLanguage?: string): Promise<EvidenceView> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.lockForAuthor(tx, actor, id);
      if (request.basedOnRevision !== item.current_revision) {
        throw fieldProblem(
          'basedOnRevision',
          `is not the latest revision (${item.current_revision}): reload the evidence`,
          HttpStatus.CONFLICT,
        );
      }
      const content = await this.check(tx.manager, request);
      const draft = await this.isDraft(tx.manager, id, item.current_revision);
      let revision = item.current_revision;
      if (draft) {
        await this.replaceRevisionContent(tx.manager, id, revision, content);
      } else if (item.status === 'changes_requested' || item.status === 'rejected') {
        revision += 1;
        await this.insertRevision(tx.manager, actor, id, revision, content);
        // The amendment starts with the files of the revision it amends; removing one from the draft leaves the earlier revision whole.
        await execute(
          tx.manager,
          sql`INSERT INTO evidence_revision_file (evidence_id, revision, file_id)
              SELECT evidence_id, ${revision}, file_id FROM evidence_revision_file WHERE evidence_id = ${id} AND revision = ${item.current_revision}`,
        );
      } else {
        throw conflict(
          item.status === 'submitted'
            ? 'The evidence is waiting for review: it can be amended once a reviewer has requested changes.'
            : 'Accepted evidence cannot be amended: submit new evidence instead.',
        );
      }
      await execute(
        tx.manager,
        sql`UPDATE evidence SET current_revision = ${revision}, updated_at = now()
              ${item.status === 'draft' ? sql`, title = ${content.title}` : sql.empty}
            WHERE id = ${id}`,
      );
      tx.audit({
        action: 'update',
        entityType: 'evidence',
        entityId: id,
        before: evidenceSnapshot({ status: item.status, revision: item.current_revision, title: item.title, claims: claimsOf(item) }),
        after: evidenceSnapshot({ status: item.status, revision, ...content }),
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  /** Discards the draft revision: the whole item when it was never submitted. */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.lockForAuthor(tx, actor, id);
      const revision = item.current_revision;
      if (!(await this.isDraft(tx.manager, id, revision)))
        throw conflict('Only a draft can be discarded: submitted evidence stays in the history.');
      const orphans = await query<{ id: string; stored_file_id: string }>(
        tx.manager,
        sql`SELECT f.id, f.stored_file_id FROM evidence_file f
            WHERE f.evidence_id = ${id} AND NOT EXISTS (SELECT 1 FROM evidence_revision_file rf WHERE rf.file_id = f.id AND rf.revision <> ${revision})`,
      );
      await execute(tx.manager, sql`DELETE FROM evidence_revision_file WHERE evidence_id = ${id} AND revision = ${revision}`);
      await this.deleteFiles(tx.manager, orphans);
      await execute(tx.manager, sql`DELETE FROM evidence_claim WHERE evidence_id = ${id} AND revision = ${revision}`);
      await execute(tx.manager, sql`DELETE FROM evidence_revision WHERE evidence_id = ${id} AND number = ${revision}`);
      if (revision === 1) await execute(tx.manager, sql`DELETE FROM evidence WHERE id = ${id}`);
      else await execute(tx.manager, sql`UPDATE evidence SET current_revision = ${revision - 1}, updated_at = now() WHERE id = ${id}`);
      tx.audit({
        action: 'delete',
        entityType: 'evidence',
        entityId: id,
        before: evidenceSnapshot({ status: item.status, revision, title: item.title, claims: claimsOf(item) }),
      });
    });
  }

  /** Submits the draft revision for review; its content never changes again. */
  async submit(actor: Actor, id: string, revision: number, acceptLanguage?: string): Promise<EvidenceView> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.lockForAuthor(tx, actor, id);
      if (revision !== item.current_revision) {
        throw fieldProblem('revision', `is not the latest revision (${item.current_revision}): reload the evidence`, HttpStatus.CONFLICT);
      }
      if (!(await this.isDraft(tx.manager, id, revision))) throw conflict('This revision has been submitted already.');
      const [{ title } = { title: item.title }] = await query<{ title: string }>(
        tx.manager,
        sql`UPDATE evidence_revision SET submitted_at = now() WHERE evidence_id = ${id} AND number = ${revision} RETURNING title`,
      );
      await execute(
        tx.manager,
        sql`UPDATE evidence SET status = 'submitted', submitted_revision = ${revision}, submitted_at = now(), title = ${title}, updated_at = now()
            WHERE id = ${id}`,
      );
      await this.notifyManager(tx.manager, item, {
        kind: 'evidence_submitted',
        text: `${item.employee_name} submitted evidence for review: ${title}`,
      });
      tx.audit({
        action: 'submit',
        entityType: 'evidence',
        entityId: id,
        before: evidenceSnapshot({
          status: item.status,
          revision: item.submitted_revision ?? 0,
          title: item.title,
          claims: claimsOf(item),
        }),
        after: evidenceSnapshot({ status: 'submitted', revision, title, claims: claimsOf(item) }),
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  async verdict(actor: Actor, id: string, request: EvidenceVerdictDto, acceptLanguage?: string): Promise<EvidenceView> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.lockVisible(tx.manager, actor, id);
      await this.access.require(actor, 'evidence.review', item.employee_id);
      if (actor.employeeId === item.employee_id) throw new ForbiddenException('You may not review your own evidence.');
      if (item.status !== 'submitted' || request.revision !== item.submitted_revision) {
        throw fieldProblem(
          'revision',
          item.status === 'submitted'
            ? `is not the revision waiting for review (${item.submitted_revision}): reload the evidence`
            : 'has a verdict already: reload the evidence',
          HttpStatus.CONFLICT,
        );
      }
      if (request.verdict !== 'accepted' && !request.comment) {
        throw new RequestValidationException([
          {
            field: 'comment',
            message: request.verdict === 'rejected' ? 'is required: say why it is rejected' : 'is required: say what to change',
          },
        ]);
      }
      await execute(
        tx.manager,
        sql`INSERT INTO evidence_verdict (id, evidence_id, revision, verdict, comment, reviewer_user_id, reviewer_employee_id)
            VALUES (${randomUUID()}, ${id}, ${request.revision}, ${request.verdict}, ${request.comment ?? null}, ${actor.userId}, ${actor.employeeId})`,
      );
      await execute(tx.manager, sql`UPDATE evidence SET status = ${request.verdict}, updated_at = now() WHERE id = ${id}`);
      const words: Record<typeof request.verdict, string> = {
        accepted: 'accepted',
        changes_requested: 'asked for changes to',
        rejected: 'rejected',
      };
      await this.notifyEmployee(tx.manager, item, {
        kind: 'evidence_verdict',
        text: `${await actorName(tx.manager, actor.userId)} ${words[request.verdict]} your evidence: ${item.title}`,
      });
      tx.audit({
        action: 'review',
        entityType: 'evidence',
        entityId: id,
        before: evidenceSnapshot({ status: item.status, revision: request.revision, title: item.title, claims: claimsOf(item) }),
        after: evidenceSnapshot({ status: request.verdict, revision: request.revision, title: item.title, claims: claimsOf(item) }),
      });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  async comment(actor: Actor, id: string, request: EvidenceCommentDto, acceptLanguage?: string): Promise<EvidenceView> {
    await this.writes.run(actor, async (tx) => {
      const item = await this.lockVisible(tx.manager, actor, id);
      if (item.status === 'draft') throw conflict('A draft has no reviewers to talk to yet: submit it first.');
      const commentId = randomUUID();
      await execute(
        tx.manager,
        sql`INSERT INTO evidence_comment (id, evidence_id, author_user_id, body) VALUES (${commentId}, ${id}, ${actor.userId}, ${request.body})`,
      );
      await execute(tx.manager, sql`UPDATE evidence SET updated_at = now() WHERE id = ${id}`);
      const text = `${await actorName(tx.manager, actor.userId)} commented on ${actor.employeeId === item.employee_id ? 'their' : 'your'} evidence: ${item.title}`;
      if (actor.employeeId === item.employee_id) await this.notifyManager(tx.manager, item, { kind: 'evidence_comment', text });
      else await this.notifyEmployee(tx.manager, item, { kind: 'evidence_comment', text });
      tx.audit({ action: 'create', entityType: 'evidence', entityId: id, after: { comment: commentId } });
    });
    return this.reads.get(actor, id, acceptLanguage);
  }

  /** Tells the person's direct manager (through their account, if they have one). */
  private async notifyManager(manager: EntityManager, item: EvidenceRow, message: { kind: NotificationKind; text: string }): Promise<void> {
    const account = await accountOfEmployee(manager, item.employee_manager_id);
    if (account) await this.notifications.notify(manager, { userId: account.id, email: account.email, ...message, ...this.about(item) });
  }

  /** Tells the person the evidence is about. */
  private async notifyEmployee(
    manager: EntityManager,
    item: EvidenceRow,
    message: { kind: NotificationKind; text: string },
  ): Promise<void> {
    const account = await accountOfEmployee(manager, item.employee_id);
    if (account) await this.notifications.notify(manager, { userId: account.id, email: account.email, ...message, ...this.about(item) });
  }

  private about(item: EvidenceRow) {
    return { evidenceId: item.id, employeeId: item.employee_id, link: `/evidence/${item.id}` };
  }

  /**
   * The item, locked, for a change by its author: the person themselves, or an administrator (who
   * may act for anyone). Anyone else gets 404 for what they may not see and 403 for what they may.
   */
  async lockForAuthor(tx: AuditedTransaction, actor: Actor, id: string): Promise<EvidenceRow> {
    const item = await this.lockVisible(tx.manager, actor, id);
    await this.access.require(actor, 'evidence.submit', item.employee_id);
    return item;
  }

  /** The item, locked; 404 unless the caller may see it (a never-submitted draft: its authors only). */
  async lockVisible(manager: EntityManager, actor: Actor, id: string): Promise<EvidenceRow> {
    const item = await evidenceById(manager, id, true);
    if (!item || !(await this.reads.maySee(actor, item))) throw notFound('Evidence', id);
    return item;
  }

  async isDraft(manager: EntityManager, id: string, revision: number): Promise<boolean> {
    const [row] = await query<{ draft: boolean }>(
      manager,
      sql`SELECT submitted_at IS NULL AS draft FROM evidence_revision WHERE evidence_id = ${id} AND number = ${revision}`,
    );
    return row?.draft ?? false;
  }

  async maxFiles(manager: EntityManager): Promise<number> {
    return settingNumber(manager, 'evidence.max_files', DEFAULT_EVIDENCE_FILE_LIMITS.maxFiles);
  }

  async deleteFiles(manager: EntityManager, files: readonly { id: string; stored_file_id: string }[]): Promise<void> {
    if (!files.length) return;
    await execute(manager, sql`DELETE FROM evidence_file WHERE id = ANY(${files.map((file) => file.id)}::uuid[])`);
    await execute(manager, sql`DELETE FROM stored_file WHERE id = ANY(${files.map((file) => file.stored_file_id)}::uuid[])`);
  }

  /** Checks a content request against the frameworks: levels, questions and indicators must exist. Errors name the fields. */
  private async check(manager: EntityManager, request: EvidenceContentDto): Promise<CheckedContent> {
    const errors: FieldError[] = [];
    if (request.activityFrom > today()) errors.push({ field: 'activityFrom', message: 'must not be in the future' });
    if (request.activityTo && request.activityTo < request.activityFrom)
      errors.push({ field: 'activityTo', message: 'must not be before activityFrom' });
    if (request.activityTo && request.activityTo > today()) errors.push({ field: 'activityTo', message: 'must not be in the future' });

    const claims = request.claims.map((claim) => ({ competencyId: claim.competencyId.toLowerCase(), level: claim.level }));
    const facts = new Map<string, CompetencyFactsRow>(
      (await competencyFacts(manager, [...new Set(claims.map((claim) => claim.competencyId))])).map((row) => [row.id, row]),
    );
    const seen = new Set<string>();
    claims.forEach((claim, index) => {
      const competency = facts.get(claim.competencyId);
      if (!competency) errors.push({ field: `claims.${index}.competencyId`, message: 'is not a known competency' });
      else if (!competency.levels.some((option) => option.level === claim.level)) {
        const levels = competency.levels.map((option) => option.level).join(', ');
        errors.push({
          field: `claims.${index}.level`,
          message: `is not a level of ${competency.code || 'this competency'} (${levels || 'it has none'})`,
        });
      }
      if (seen.has(claim.competencyId)) errors.push({ field: `claims.${index}.competencyId`, message: 'is claimed twice' });
      seen.add(claim.competencyId);
    });

    const prompts = new Map((await levelPrompts(manager, claims)).map((row) => [`${row.competency_id}/${row.level}`, row]));
    const promptsOf = (claim: number) => {
      const wanted = claims[claim];
      return wanted ? prompts.get(`${wanted.competencyId}/${wanted.level}`) : undefined;
    };
    const answers: CheckedContent['answers'] = [];
    const answered = new Set<string>();
    (request.answers ?? []).forEach((answer, index) => {
      if (answer.claim >= claims.length)
        return errors.push({ field: `answers.${index}.claim`, message: `is not one of the ${claims.length} claims` });
      const question = promptsOf(answer.claim)?.questions[answer.question];
      if (!question)
        return errors.push({ field: `answers.${index}.question`, message: 'is not one of the claimed level’s interview questions' });
      if (answered.has(`${answer.claim}/${answer.question}`))
        return errors.push({ field: `answers.${index}.question`, message: 'is answered twice' });
      answered.add(`${answer.claim}/${answer.question}`);
      answers.push({ claim: answer.claim, question: answer.question, questionText: question, answer: answer.answer });
      return undefined;
    });
    const indicators: CheckedContent['indicators'] = [];
    const ticked = new Set<string>();
    (request.indicators ?? []).forEach((indicator, index) => {
      if (indicator.claim >= claims.length)
        return errors.push({ field: `indicators.${index}.claim`, message: `is not one of the ${claims.length} claims` });
      const text = promptsOf(indicator.claim)?.indicators[indicator.indicator];
      if (!text)
        return errors.push({ field: `indicators.${index}.indicator`, message: 'is not one of the claimed level’s behaviour indicators' });
      if (!ticked.has(`${indicator.claim}/${indicator.indicator}`))
        indicators.push({ claim: indicator.claim, indicator: indicator.indicator, text });
      ticked.add(`${indicator.claim}/${indicator.indicator}`);
      return undefined;
    });
    if (errors.length) throw new RequestValidationException(errors);
    return {
      title: request.title,
      activityFrom: request.activityFrom,
      activityTo: request.activityTo ?? null,
      narrative: request.narrative || null,
      claims,
      answers,
      indicators,
      links: request.links ?? [],
    };
  }

  private async insertRevision(manager: EntityManager, actor: Actor, id: string, revision: number, content: CheckedContent): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO evidence_revision (evidence_id, number, title, activity_from, activity_to, narrative, answers, indicators, links, author_user_id)
          VALUES (${id}, ${revision}, ${content.title}, ${content.activityFrom}, ${content.activityTo}, ${content.narrative},
                  ${JSON.stringify(content.answers)}::jsonb, ${JSON.stringify(content.indicators)}::jsonb, ${content.links}::text[], ${actor.userId})`,
    );
    await this.insertClaims(manager, id, revision, content);
  }

  private async replaceRevisionContent(manager: EntityManager, id: string, revision: number, content: CheckedContent): Promise<void> {
    await execute(
      manager,
      sql`UPDATE evidence_revision SET title = ${content.title}, activity_from = ${content.activityFrom}, activity_to = ${content.activityTo},
            narrative = ${content.narrative}, answers = ${JSON.stringify(content.answers)}::jsonb,
            indicators = ${JSON.stringify(content.indicators)}::jsonb, links = ${content.links}::text[], updated_at = now()
          WHERE evidence_id = ${id} AND number = ${revision}`,
    );
    await execute(manager, sql`DELETE FROM evidence_claim WHERE evidence_id = ${id} AND revision = ${revision}`);
    await this.insertClaims(manager, id, revision, content);
  }

  private async insertClaims(manager: EntityManager, id: string, revision: number, content: CheckedContent): Promise<void> {
    await execute(
      manager,
      sql`INSERT INTO evidence_claim (evidence_id, revision, position, competency_id, level)
          SELECT ${id}, ${revision}, claim.position - 1, claim.competency_id, claim.level
          FROM unnest(${content.claims.map((claim) => claim.competencyId)}::uuid[], ${content.claims.map((claim) => claim.level)}::int[])
            WITH ORDINALITY AS claim(competency_id, level, position)`,
    );
  }
}

const claimsOf = (item: EvidenceRow) => item.claims.map((claim) => ({ competencyId: claim.competency_id, level: claim.level }));
