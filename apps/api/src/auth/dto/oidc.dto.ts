import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * A path inside the web app (`/people/1?tab=x`): not `//host`, `/\host`, a
 * scheme or control characters, which would make an open redirect.
 */
// eslint-disable-next-line no-control-regex
export const LOCAL_PATH = /^\/(?![/\\])[^\u0000-\u001f\u007f\\]*$/;

export class OidcStartQuery {
  @ApiPropertyOptional({ description: 'Where in the web app to go after signing in: a path such as /people.', example: '/people' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(LOCAL_PATH, { message: 'must be a path inside Proficio, such as /people' })
  returnUrl?: string;
}
