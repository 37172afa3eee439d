import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceSummary, EvidenceView, InboxCounts, InboxDisagreement, Page } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '../access';
import { competencyFacts, competencyRef, languageOf } from '../assessments';
import { frameworkRefOf } from '../frameworks';
import { notFound } from '../common/problems';
import type { Paging, SqlRunner } from '../common/sql';
import {
  comments,
  disagreements,
  type EvidenceFilter,
  evidenceById,
  type EvidenceRow,
  inboxCounts,
  listEvidence,
  revisions,
  waitingEvidence,
} from './evidence.queries';
import { type ClaimContext, commentView, revisionView, summaryView } from './evidence.view';

/** Reads evidence for whoever may see it: the person, their managers (submitted evidence), admins; a draft its authors only. */
@Injectable()
export class EvidenceQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The person themselves, or the administrator who began it, edits and sees its drafts. */
  isAuthor(actor: Actor, item: Pick<EvidenceRow, 'employee_id' | 'created_by_user_id'>): boolean {
    return actor.employeeId === item.employee_id || (actor.roles.includes('admin') && item.created_by_user_id === actor.userId);
  }

  async maySee(actor: Actor, item: EvidenceRow): Promise<boolean> {
    if (item.status === 'draft' && !this.isAuthor(actor, item)) return false;
    return this.access.mayAct(actor, 'evidence.read', item.employee_id);
  }

  async get(actor: Actor, id: string, acceptLanguage?: string): Promise<EvidenceView> {
    const item = await evidenceById(this.dataSource, id);
    if (!item || !(await this.maySee(actor, item))) throw notFound('Evidence', id);
    const author = this.isAuthor(actor, item);
    const [allRevisions, thread] = await Promise.all([revisions(this.dataSource, id), comments(this.dataSource, id)]);
    // Others never see a draft amendment, only what was submitted.
    const shown = author ? allRevisions : allRevisions.filter((revision) => revision.submitted_at !== null);
    const context = await this.claimContext(
      this.dataSource,
      [...shown.flatMap((revision) => revision.claims), ...item.claims],
      acceptLanguage,
    );
    const currentIsDraft = allRevisions[0]?.submitted_at === null;
    const reviewer =
      !author &&
      actor.employeeId !== item.employee_id &&
      item.status === 'submitted' &&
      (await this.access.mayAct(actor, 'evidence.review', item.employee_id));
    const anonymised = item.employee_anonymised;
    return {
      ...summaryView(item, context),
      revisions: shown.map((revision) => revisionView(revision, context, anonymised)),
      comments: thread.map((comment) => commentView(comment, anonymised)),
      may: {
        edit: author && currentIsDraft && !anonymised,
        submit: author && currentIsDraft && !anonymised,
        amend: author && !currentIsDraft && (item.status === 'changes_requested' || item.status === 'rejected') && !anonymised,
        review: reviewer && !anonymised,
        comment: item.status !== 'draft' && !anonymised,
        discard: author && currentIsDraft,
      },
    };
  }

  async list(actor: Actor, filter: EvidenceFilter, paging: Paging, acceptLanguage?: string): Promise<Page<EvidenceSummary>> {
    if (filter.employeeId) await this.access.require(actor, 'evidence.read', filter.employeeId);
    const page = await listEvidence(this.dataSource, actor, filter, paging);
    return this.summaries(page.rows, page.total, paging, acceptLanguage);
  }

  async inbox(actor: Actor): Promise<InboxCounts> {
    if (!actor.employeeId) return { evidence: 0, disagreements: 0 };
    return inboxCounts(this.dataSource, actor.employeeId, actor.userId);
  }

  async waiting(actor: Actor, paging: Paging, acceptLanguage?: string): Promise<Page<EvidenceSummary>> {
    if (!actor.employeeId) return { items: [], total: 0, ...paging };
    const page = await waitingEvidence(this.dataSource, actor.employeeId, paging);
    return this.summaries(page.rows, page.total, paging, acceptLanguage);
  }

  async disagreements(actor: Actor, paging: Paging, acceptLanguage?: string): Promise<Page<InboxDisagreement>> {
    if (!actor.employeeId) return { items: [], total: 0, ...paging };
    const page = await disagreements(this.dataSource, actor.employeeId, actor.userId, paging);
    const facts = new Map(
      (await competencyFacts(this.dataSource, [...new Set(page.rows.map((row) => row.competency_id))])).map((row) => [row.id, row]),
    );
    return {
      ...paging,
      total: page.total,
      items: page.rows.flatMap((row) => {
        const competency = facts.get(row.competency_id);
        if (!competency) return [];
        const language = languageOf(competency, acceptLanguage);
        return [
          {
            employee: { id: row.employee_id, name: row.employee_name },
            competency: competencyRef(competency, language),
            framework: frameworkRefOf(competency, language),
            managerLevel: row.manager_level,
            selfLevel: row.self_level,
            selfAssessedOn: row.self_assessed_on,
          },
        ];
      }),
    };
  }

  private async summaries(rows: EvidenceRow[], total: number, paging: Paging, acceptLanguage?: string): Promise<Page<EvidenceSummary>> {
    const context = await this.claimContext(
      this.dataSource,
      rows.flatMap((row) => row.claims),
      acceptLanguage,
    );
    return { items: rows.map((row) => summaryView(row, context)), total, ...paging };
  }

  private async claimContext(
    runner: SqlRunner,
    claims: readonly { competency_id: string }[],
    acceptLanguage?: string,
  ): Promise<ClaimContext> {
    const ids = [...new Set(claims.map((claim) => claim.competency_id))];
    const facts = ids.length ? await competencyFacts(runner, ids) : [];
    return { facts: new Map(facts.map((row) => [row.id, row])), acceptLanguage };
  }
}
