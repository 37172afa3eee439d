import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkScaleChangeResult, FrameworkScaleChoice, FrameworkScaleStatus } from '@proficio/shared/contracts';
import { type FrameworkScale, genericProficiencyScale, hasPlaceholderScale, isLevelLess, withScale } from '@proficio/shared/competency';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { AuditedWrites } from '../audit';
import { fieldProblem, notFound } from '../common/problems';
import { FrameworkEntity, FrameworkVersionEntity } from './entities/framework.entities';
import { FrameworkDocumentReader } from './framework-document.reader';
import { FrameworkWriterService, lockFramework } from './framework-writer.service';
import { frameworkHasAssessments, versionHasOwnLevels } from './frameworks.queries';

/**
 * The scale of a framework whose competencies have no levels of their own (a CASE package without levels lands on
 * a one-level placeholder nobody can be rated on). Published versions never change, so a new scale is a new version
 * (the latest one's content on that scale), and only while nobody has been assessed on the framework: their ratings
 * are numbers on the scale they were given on.
 */
@Injectable()
export class FrameworkScaleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: AuditedWrites,
    private readonly writer: FrameworkWriterService,
    private readonly reader: FrameworkDocumentReader,
  ) {}

  /** Whether the scale of the framework of version `versionId` can change (what `change` would refuse, and why). */
  async status(versionId: string): Promise<FrameworkScaleStatus> {
    const manager = this.dataSource.manager;
    const version = await manager.findOneBy(FrameworkVersionEntity, { id: versionId });
    if (!version) throw notFound('Framework', versionId);
    const latest = await manager.findOneOrFail(FrameworkVersionEntity, {
      where: { frameworkId: version.frameworkId },
      order: { versionNumber: 'DESC' },
    });
    const [ownLevels, assessed, scale] = await Promise.all([
      versionHasOwnLevels(manager, latest.id),
      frameworkHasAssessments(manager, latest.frameworkId),
      this.reader.readScale(manager, latest),
    ]);
    return {
      latestVersionId: latest.id,
      latestVersionNumber: latest.versionNumber,
      levelLess: !ownLevels,
      placeholder: !ownLevels && hasPlaceholderScale({ competencies: [], scale }),
      assessed,
    };
  }

  /** The scale chosen: the generic 1–5 proficiency scale or another framework version's (422 naming the field when none). */
  async scaleOf(manager: EntityManager, choice: FrameworkScaleChoice, field = 'frameworkVersionId'): Promise<FrameworkScale> {
    if (choice.source === 'generic') return genericProficiencyScale();
    const version = await manager.findOneBy(FrameworkVersionEntity, { id: choice.frameworkVersionId });
    if (!version) throw fieldProblem(field, 'is not a framework version');
    return this.reader.readScale(manager, version);
  }

  /** Writes the next version of the framework of version `versionId` on the chosen scale, audited as the actor's. */
  change(actor: Actor, versionId: string, choice: FrameworkScaleChoice): Promise<FrameworkScaleChangeResult> {
    return this.writes.run(actor, async ({ manager, audit }) => {
      const version = await manager.findOneBy(FrameworkVersionEntity, { id: versionId });
      if (!version) throw notFound('Framework', versionId);
      const framework = await manager.findOneByOrFail(FrameworkEntity, { id: version.frameworkId });
      await lockFramework(manager, framework.key);
      const latest = await manager.findOneOrFail(FrameworkVersionEntity, {
        where: { frameworkId: framework.id },
        order: { versionNumber: 'DESC' },
      });
      // A stored version never changes, so its content is read through the pool (in parallel) even inside a transaction.
      const doc = await this.reader.readVersion(this.dataSource.manager, latest);
      if (!isLevelLess(doc))
        throw fieldProblem('source', 'cannot change: the competencies of this framework have levels of their own', HttpStatus.CONFLICT);
      if (await frameworkHasAssessments(manager, framework.id))
        throw fieldProblem('source', 'cannot change: people have been assessed on this framework', HttpStatus.CONFLICT);
      const scale = await this.scaleOf(manager, choice);
      const written = await this.writer.writeIn(manager, withScale(doc, scale), {
        sourceFormat: latest.sourceFormat,
        status: 'published',
        importWarnings: latest.importWarnings,
        frameworkKey: framework.key,
      });
      const result = { frameworkVersionId: written.versionId, versionNumber: written.versionNumber, created: written.created };
      if (written.created)
        audit({
          action: 'update',
          entityType: 'framework',
          entityId: framework.id,
          before: { versionNumber: latest.versionNumber, scaleKey: latest.scaleKey, scaleLevels: doc.scale.levels.length },
          after: { ...result, scaleKey: scale.key, scaleLevels: scale.levels.length },
        });
      return result;
    });
  }
}
