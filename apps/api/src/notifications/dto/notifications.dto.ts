import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/paging';

export class NotificationsQuery extends PageQuery(20) {}

export class MarkNotificationsReadDto {
  @ApiPropertyOptional({ type: [String], description: 'The notifications to mark read; all of the caller’s when left out.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}
