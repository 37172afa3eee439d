import { Controller, Get, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiUnknownId } from '../common/http/responses';
import type { Page, PeopleImportCommitResult, PeopleImportPreview, PeopleImportRowView } from '@proficio/shared/contracts';
import { PEOPLE_IMPORT_MAX_BYTES, PEOPLE_IMPORT_MAX_ROWS } from '@proficio/shared/contracts';
import { RequireRole } from '../common/auth/roles';
import { RequestValidationException } from '../common/validation/validation-exception';
import { Actor, CurrentActor } from '../access';
import { PeopleImportRowsQueryDto, UploadPeopleFileDto } from './dto/people-import.dto';
import { PeopleImportService, UploadedPeopleFile } from './people-import.service';

@ApiTags('people')
@Controller('people-imports')
@RequireRole('admin')
export class PeopleImportsController {
  constructor(private readonly imports: PeopleImportService) {}

  @Post()
  @ApiOperation({
    summary:
      'Upload a CSV or XLSX file of people and get a preview: what would be created and updated, each row’s errors, the teams that would be created. Writes no person yet. Admin.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadPeopleFileDto })
  @ApiUnprocessableEntityResponse({
    description: `The file cannot be read (or is a workbook compressed far more tightly than a spreadsheet is), lacks the email or name column, is empty or has more than ${PEOPLE_IMPORT_MAX_ROWS} rows.`,
  })
  @ApiPayloadTooLargeResponse({
    description: 'The file is larger than 10 MB, or is a workbook whose parts expand beyond PEOPLE_IMPORT_XLSX_MAX_MB (50 MB by default).',
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PEOPLE_IMPORT_MAX_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }))
  preview(@UploadedFile() file: UploadedPeopleFile | undefined, @CurrentActor() actor: Actor): Promise<PeopleImportPreview> {
    if (!file) throw new RequestValidationException([{ field: 'file', message: 'is required: attach the CSV or XLSX file' }]);
    return this.imports.preview(actor, file);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The preview of an uploaded file again: counts, warnings, teams to create. Admin.' })
  @ApiUnknownId('import')
  get(@UuidParam() id: string): Promise<PeopleImportPreview> {
    return this.imports.get(id);
  }

  @Get(':id/rows')
  @ApiOperation({ summary: 'The rows of an uploaded file, a page at a time, with what each would do and its errors. Admin.' })
  @ApiUnknownId('import')
  rows(@UuidParam() id: string, @Query() query: PeopleImportRowsQueryDto): Promise<Page<PeopleImportRowView>> {
    return this.imports.rows(id, { ...query.paging(), errorsOnly: query.errorsOnly ?? false });
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write a previewed file in one transaction: create the missing teams, create and update people (by email), set their managers. Logins are not created. Admin.',
  })
  @ApiUnknownId('import')
  @ApiUnprocessableEntityResponse({ description: 'The preview has rows with errors.' })
  @ApiConflictResponse({
    description: 'Already committed, or the organisation changed since the preview so that rows now fail (errors[] names them).',
  })
  commit(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<PeopleImportCommitResult> {
    return this.imports.commit(actor, id);
  }
}
