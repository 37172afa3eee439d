import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PeopleImportRowsQuery } from '@proficio/shared/contracts';
import { PEOPLE_IMPORT_COLUMNS, PEOPLE_IMPORT_TEAM_SEPARATOR } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { queryBoolean } from '../../common/validation/fields';

export class UploadPeopleFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: `CSV (UTF-8, "," or ";" between fields) or XLSX (first worksheet), header row first. Columns: ${PEOPLE_IMPORT_COLUMNS.join(', ')}; email and name are required. Team path from the top-level team down, separated by "${PEOPLE_IMPORT_TEAM_SEPARATOR}".`,
  })
  file!: unknown;
}

/** The default page size of an import's rows. */
export const PEOPLE_IMPORT_ROWS_PAGE_SIZE = 50;

export class PeopleImportRowsQueryDto extends PageQuery(PEOPLE_IMPORT_ROWS_PAGE_SIZE) implements PeopleImportRowsQuery {
  @ApiPropertyOptional({ description: 'Only the rows with errors.', default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  errorsOnly?: boolean;
}
