import { Matches } from 'class-validator';
import { OptionalText } from '../../common/validation/fields';

/**
 * A path inside the web app (`/people/1?tab=x`): not `//host`, `/\host`, a
 * scheme or control characters, which would make an open redirect.
 */
// eslint-disable-next-line no-control-regex
export const LOCAL_PATH = /^\/(?![/\\])[^\u0000-\u001f\u007f\\]*$/;

export class OidcStartQuery {
  @OptionalText(2000, { description: 'Where in the web app to go after signing in: a path such as /people.', example: '/people' })
  @Matches(LOCAL_PATH, { message: 'must be a path inside Proficio, such as /people' })
  returnUrl?: string;
}
