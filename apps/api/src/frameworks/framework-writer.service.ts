import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkDocument, FrameworkStatus, ImportIssueView, LocalizedText } from '@proficio/shared/contracts';
import { countDocument, findDataQualityWarnings } from '@proficio/shared/competency';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { execute, sql } from '../common/sql';
import { searchDocuments } from './text-search';
import {
  BehaviourIndicatorEntity,
  CategoryEntity,
  CertificationEntity,
  CompetencyEntity,
  CompetencyLevelEntity,
  FrameworkEntity,
  FrameworkVersionEntity,
  InterviewQuestionEntity,
  ScaleLevelEntity,
} from './entities/framework.entities';

export interface WriteFrameworkOptions {
  sourceFormat: string;
  status: FrameworkStatus;
  builtIn?: boolean;
  /** The warnings of the imported file, stored with the version it becomes. */
  importWarnings?: ImportIssueView[];
  /**
   * The key of the framework to write a version of (created when none has it), when it is not the document's own:
   * a framework that came with the identifier of another one. The version holds the document under that key.
   */
  frameworkKey?: string;
}

export interface WriteFrameworkResult {
  frameworkId: string;
  versionId: string;
  versionNumber: number;
  /** False when the latest version already holds exactly this content. */
  created: boolean;
}

const allText = (...values: (LocalizedText | undefined | null)[]) => values.flatMap((value) => Object.values(value ?? {})).join(' ');

/** Stable digest of a document: the same content always gives the same hash. */
export function contentHash(doc: FrameworkDocument): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(doc)))
    .digest('hex');
}

/** The document as the framework with `key` holds it (the same document when that is its own key). */
export function underKey(doc: FrameworkDocument, key: string): FrameworkDocument {
  return doc.framework.key === key ? doc : { ...doc, framework: { ...doc.framework, key } };
}

/**
 * Serialises the writers of one framework (by key) until the transaction ends;
 * taken again by the same transaction, it does not wait.
 */
export async function lockFramework(manager: EntityManager, key: string): Promise<void> {
  await execute(manager, sql`SELECT pg_advisory_xact_lock(hashtext(${`framework:${key}`}))`);
}

/**
 * Writes a framework document as a new version of its framework (matched by
 * `framework.key`), in one transaction: all rows or none. Writing the same
 * content as the latest version again changes nothing.
 */
@Injectable()
export class FrameworkWriterService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  write(doc: FrameworkDocument, options: WriteFrameworkOptions): Promise<WriteFrameworkResult> {
    return this.dataSource.transaction((manager) => this.writeIn(manager, doc, options));
  }

  /** Writes within a transaction the caller already holds. */
  async writeIn(manager: EntityManager, source: FrameworkDocument, options: WriteFrameworkOptions): Promise<WriteFrameworkResult> {
    const doc = underKey(source, options.frameworkKey ?? source.framework.key);
    const hash = contentHash(doc);
    await lockFramework(manager, doc.framework.key);

    let framework = await manager.findOneBy(FrameworkEntity, { key: doc.framework.key });
    if (!framework) {
      framework = manager.create(FrameworkEntity, {
        id: randomUUID(),
        key: doc.framework.key,
        sourceKey: source.framework.key,
        builtIn: options.builtIn ?? false,
      });
      await manager.insert(FrameworkEntity, framework);
    }
    const latest = await manager.findOne(FrameworkVersionEntity, {
      where: { frameworkId: framework.id },
      order: { versionNumber: 'DESC' },
    });
    if (latest?.contentHash === hash) {
      return { frameworkId: framework.id, versionId: latest.id, versionNumber: latest.versionNumber, created: false };
    }

    const previousCompetencies = latest
      ? new Map((await manager.findBy(CompetencyEntity, { frameworkVersionId: latest.id })).map((row) => [row.key, row.id]))
      : new Map<string, string>();

    const versionId = randomUUID();
    const versionNumber = (latest?.versionNumber ?? 0) + 1;
    const f = doc.framework;
    await manager.insert(FrameworkVersionEntity, {
      id: versionId,
      frameworkId: framework.id,
      versionNumber,
      previousVersionId: latest?.id ?? null,
      code: f.code,
      name: f.name,
      description: f.description ?? null,
      publisher: f.publisher ?? null,
      sourceUrl: f.sourceUrl ?? null,
      licence: f.licence ?? null,
      attribution: f.attribution ?? null,
      versionLabel: f.versionLabel,
      defaultLanguage: f.defaultLanguage,
      languages: f.languages,
      depthNames: f.depthNames ?? null,
      status: options.status,
      scaleKey: doc.scale.key,
      scaleName: doc.scale.name,
      sourceFormat: options.sourceFormat,
      contentHash: hash,
      counts: countDocument(doc),
      warnings: findDataQualityWarnings(doc),
      importWarnings: options.importWarnings ?? [],
      caseSource: doc.caseSource ?? null,
      searchText: `${f.code} ${allText(f.name, f.description)} ${f.publisher ?? ''}`,
      publishedAt: options.status === 'published' ? new Date() : null,
    });

    const scaleIds = new Map<number, string>();
    const scaleRows = doc.scale.levels.map((level) => {
      const id = randomUUID();
      scaleIds.set(level.number, id);
      return {
        id,
        frameworkVersionId: versionId,
        number: level.number,
        code: level.code,
        label: level.label,
        description: level.description ?? null,
        guidingPhrase: level.guidingPhrase ?? null,
        proficient: level.proficient ?? null,
      };
    });
    await insertAll(manager, ScaleLevelEntity, scaleRows);

    const categoryIds = new Map(doc.categories.map((category) => [category.key, randomUUID()]));
    await insertAll(
      manager,
      CategoryEntity,
      parentsFirst(doc.categories).map((category) => ({
        id: categoryIds.get(category.key) as string,
        frameworkVersionId: versionId,
        parentId: category.parentKey ? (categoryIds.get(category.parentKey) ?? null) : null,
        key: category.key,
        code: category.code ?? null,
        name: category.name,
        description: category.description ?? null,
        position: doc.categories.indexOf(category),
      })),
    );

    const searchRows: { competencyId: string; language: string; config: string; text: string }[] = [];
    const competencyRows: Partial<CompetencyEntity>[] = [];
    const levelRows: Partial<CompetencyLevelEntity>[] = [];
    const indicatorRows: Partial<BehaviourIndicatorEntity>[] = [];
    const questionRows: Partial<InterviewQuestionEntity>[] = [];
    doc.competencies.forEach((competency, position) => {
      const competencyId = randomUUID();
      searchDocuments(competency).forEach((document) => searchRows.push({ competencyId, ...document }));
      competencyRows.push({
        id: competencyId,
        frameworkVersionId: versionId,
        categoryId: competency.categoryKey ? (categoryIds.get(competency.categoryKey) ?? null) : null,
        key: competency.key,
        code: competency.code,
        title: competency.title,
        description: competency.description ?? null,
        guidance: competency.guidance ?? null,
        changeStatus: competency.changeStatus ?? null,
        guidanceChangeStatus: competency.guidanceChangeStatus ?? null,
        relatedKeys: competency.relatedKeys ?? [],
        notPractisedLevels: competency.notPractisedLevels ?? [],
        position,
        previousCompetencyId: previousCompetencies.get(competency.key) ?? null,
        searchText: `${competency.code} ${allText(competency.title, competency.description)}`,
      });
      for (const level of competency.levels) {
        const levelId = randomUUID();
        levelRows.push({
          id: levelId,
          competencyId,
          scaleLevelId: scaleIds.get(level.level) as string,
          levelNumber: level.level,
          description: level.description ?? null,
          changeStatus: level.changeStatus ?? null,
        });
        level.indicators.forEach((text, index) =>
          indicatorRows.push({ id: randomUUID(), competencyLevelId: levelId, position: index, text }),
        );
        level.questions.forEach((question, index) =>
          questionRows.push({
            id: randomUUID(),
            competencyLevelId: levelId,
            position: index,
            text: question.text,
            probes: question.probes,
          }),
        );
      }
    });
    await insertAll(manager, CompetencyEntity, competencyRows);
    await insertAll(manager, CompetencyLevelEntity, levelRows);
    for (let start = 0; start < searchRows.length; start += 1000) {
      const chunk = searchRows.slice(start, start + 1000);
      await execute(
        manager,
        sql`INSERT INTO competency_search (competency_id, language, config, document)
            SELECT id, language, config::regconfig, to_tsvector(config::regconfig, text)
            FROM unnest(${chunk.map((row) => row.competencyId)}::uuid[], ${chunk.map((row) => row.language)}::text[],
              ${chunk.map((row) => row.config)}::text[], ${chunk.map((row) => row.text)}::text[]) AS t(id, language, config, text)`,
      );
    }
    await insertAll(manager, BehaviourIndicatorEntity, indicatorRows);
    await insertAll(manager, InterviewQuestionEntity, questionRows);
    await insertAll(
      manager,
      CertificationEntity,
      (doc.certifications ?? []).map((certification, position) => ({
        id: randomUUID(),
        frameworkVersionId: versionId,
        name: certification.name,
        issuer: certification.issuer ?? null,
        competencyKeys: certification.competencyKeys ?? [],
        categoryKeys: certification.categoryKeys ?? [],
        position,
      })),
    );
    return { frameworkId: framework.id, versionId, versionNumber, created: true };
  }
}

/** Inserts rows in chunks (Postgres caps bind parameters per statement at 65,535). */
async function insertAll<T extends object>(manager: EntityManager, entity: new () => T, rows: Partial<T>[], chunk = 1000): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await manager.insert(entity, rows.slice(start, start + chunk) as any);
  }
}

/** Orders categories so that every parent comes before its children (the self-reference needs it). */
function parentsFirst<T extends { key: string; parentKey?: string }>(categories: T[]): T[] {
  const byKey = new Map(categories.map((category) => [category.key, category]));
  const ordered: T[] = [];
  const seen = new Set<string>();
  const visit = (category: T, path: Set<string>) => {
    if (seen.has(category.key) || path.has(category.key)) return;
    path.add(category.key);
    const parent = category.parentKey ? byKey.get(category.parentKey) : undefined;
    if (parent) visit(parent, path);
    seen.add(category.key);
    ordered.push(category);
  };
  categories.forEach((category) => visit(category, new Set()));
  return ordered;
}
