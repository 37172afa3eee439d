import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { employeeFacts, employeesFacts, reportCount } from './access.queries';
import type { Actor } from './actor';
import { type Action, needsReportingLine, permits, type Relation, relationOf } from './policy';

/** What a 403 says, per action: the rule in words. */
const REFUSALS: Record<Action, string> = {
  'employee.read': 'You may only see yourself and the people who report to you.',
  'employee.update': 'Only an administrator may change employee records.',
  'employee.export': 'Only an administrator, or the person themselves, may export everything held about a person.',
  'employee.anonymise': 'Only an administrator may anonymise a person.',
  'account.manage': 'Only an administrator may manage sign-in accounts.',
  'assessment.record': 'You may only assess yourself and the people who report to you.',
  'assessment.read': 'You may only see the assessments of yourself and the people who report to you.',
  'evidence.read': 'You may only see the evidence of yourself and the people who report to you.',
  'evidence.submit': 'You may only submit evidence about yourself.',
  'evidence.review': 'You may only review the evidence of the people who report to you.',
};

/**
 * Who may act on which employee: the policy table (policy.ts) applied to the
 * actor's relation to the employee, looked up in one query. See README.md.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The one check: 404 when the actor may not see this employee, whether or not
   * one has this id (the same answer, so that a refusal does not confirm the id
   * exists); 403 when they may see them but the relation does not allow the
   * action. Answers the relation, which callers show (e.g. `access` on the detail).
   */
  async require(actor: Actor, action: Action, employeeId: string): Promise<Exclude<Relation, 'none'>> {
    const { known, relation } = await this.lookUp(actor, employeeId);
    return this.decide(action, employeeId, known, relation);
  }

  /** The 404-then-403 rule of `require`, on facts already looked up. */
  private decide(action: Action, employeeId: string, known: boolean, relation: Relation): Exclude<Relation, 'none'> {
    if (!known || relation === 'none' || !permits(relation, 'employee.read')) {
      throw new NotFoundException(`No employee ${employeeId} that you may see.`);
    }
    if (!permits(relation, action)) throw new ForbiddenException(REFUSALS[action]);
    return relation;
  }

  /**
   * `require` for many employees at once (a batch write), in one query: the first refusal in the
   * order given is thrown. Answers each employee's relation.
   */
  async requireAll(actor: Actor, action: Action, employeeIds: readonly string[]): Promise<Map<string, Exclude<Relation, 'none'>>> {
    const ids = [...new Set(employeeIds)];
    const facts = await employeesFacts(this.dataSource, ids, actor.roles.includes('manager') ? (actor.employeeId ?? null) : null);
    const relations = new Map<string, Exclude<Relation, 'none'>>();
    for (const id of ids) {
      const { known, inLine } = facts.get(id) ?? { known: false, inLine: false };
      relations.set(id, this.decide(action, id, known, relationOf(actor, id, inLine)));
    }
    return relations;
  }

  /** Whether the actor may do this to the employee (false for an unknown employee too). */
  async mayAct(actor: Actor, action: Action, employeeId: string): Promise<boolean> {
    const { known, relation } = await this.lookUp(actor, employeeId);
    return known && permits(relation, action);
  }

  /** True when `employeeId` reports to `managerId`, directly or through any number of managers: one indexed lookup. */
  async isInReportingLine(managerId: string, employeeId: string): Promise<boolean> {
    return (await employeeFacts(this.dataSource, employeeId, managerId)).inLine;
  }

  /** Number of people in a manager's reporting line. */
  reportCount(managerId: string): Promise<number> {
    return reportCount(this.dataSource, managerId);
  }

  private async lookUp(actor: Actor, employeeId: string): Promise<{ known: boolean; relation: Relation }> {
    const managerId = needsReportingLine(actor, employeeId) ? actor.employeeId : null;
    const { known, inLine } = await employeeFacts(this.dataSource, employeeId, managerId);
    return { known, relation: relationOf(actor, employeeId, inLine) };
  }
}
