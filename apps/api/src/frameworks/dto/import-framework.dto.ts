import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FRAMEWORK_EXPORT_FORMATS,
  FRAMEWORK_IMPORT_FORMATS,
  FRAMEWORK_IMPORT_TARGETS,
  FRAMEWORK_SCALE_SOURCES,
  type FrameworkExportFormat,
  type FrameworkImportCommitRequest,
  type FrameworkImportFormat,
  type FrameworkImportTarget,
  type FrameworkScaleChoice,
} from '@proficio/shared/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';

export class ImportFrameworkDto {
  @ApiProperty({ enum: FRAMEWORK_IMPORT_FORMATS, description: 'Format of the uploaded file.' })
  @IsIn(FRAMEWORK_IMPORT_FORMATS, { message: `must be one of ${FRAMEWORK_IMPORT_FORMATS.join(', ')}` })
  format!: FrameworkImportFormat;

  @ApiProperty({ type: 'string', format: 'binary', description: 'The framework file (at most 25 MB).' })
  file?: unknown;

  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: 'SFIA only: the levels file (Level, Guiding phrase, Essence of the level).',
  })
  levelsFile?: unknown;
}

export class ExportFrameworkQuery {
  @ApiProperty({ enum: FRAMEWORK_EXPORT_FORMATS })
  @IsIn(FRAMEWORK_EXPORT_FORMATS, { message: `must be one of ${FRAMEWORK_EXPORT_FORMATS.join(', ')}` })
  format!: FrameworkExportFormat;
}

/** A scale for a framework whose competencies have no levels of their own. */
export class FrameworkScaleChoiceDto {
  @ApiProperty({
    enum: FRAMEWORK_SCALE_SOURCES,
    description: '`generic`: a 1–5 proficiency scale (Novice … Expert); `framework`: the scale of `frameworkVersionId`.',
  })
  @IsIn(FRAMEWORK_SCALE_SOURCES, { message: `must be one of ${FRAMEWORK_SCALE_SOURCES.join(', ')}` })
  source!: (typeof FRAMEWORK_SCALE_SOURCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'With `source: framework`: the framework version whose scale to use.' })
  @ValidateIf((choice: FrameworkScaleChoiceDto) => choice.source === 'framework')
  @IsUUID(undefined, { message: 'must be the id of a framework version' })
  frameworkVersionId?: string;
}

export class CommitFrameworkImportDto implements FrameworkImportCommitRequest {
  @ApiPropertyOptional({
    enum: FRAMEWORK_IMPORT_TARGETS,
    description:
      'A new version of the framework the file matches by its identifier (`existing`), or a new framework with a key of its own. Required when the preview lists it in `commitRequires` (the two share little: `existing.similarity`); without it such a commit is refused with 409 naming this field. Ignored when the file is identical to the latest version.',
  })
  @IsOptional()
  @IsIn(FRAMEWORK_IMPORT_TARGETS, { message: `must be one of ${FRAMEWORK_IMPORT_TARGETS.join(', ')}` })
  target?: FrameworkImportTarget;

  @ApiPropertyOptional({
    description:
      'Must be true to publish a version that would lose content of the latest one (the preview lists it in `commitRequires` and counts it in `existing.loss`); without it such a commit is refused with 409 naming this field.',
  })
  @IsOptional()
  @IsBoolean()
  acceptContentLoss?: boolean;

  @ApiPropertyOptional({
    description:
      'Must be true to publish a framework without competencies (the preview lists it in `commitRequires`); without it such a commit is refused with 409 naming this field.',
  })
  @IsOptional()
  @IsBoolean()
  acceptEmpty?: boolean;

  @ApiPropertyOptional({
    type: FrameworkScaleChoiceDto,
    description:
      'For a file whose competencies have no levels of their own (a CASE package without levels has a one-level placeholder scale, `scale.placeholder` in the preview): the scale to rate them on. 422 naming this field for a file with levels.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FrameworkScaleChoiceDto)
  scale?: FrameworkScaleChoice;
}
