import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { RequestValidationException } from '../validation/validation-exception';
import { constraintProblems } from '../constraint-problems';
import { toProblem } from './problem-details.filter';
import { ProblemException } from './problem.exception';

const queryError = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT ...', [], Object.assign(new Error('db'), { code, ...(constraint ? { constraint } : {}) }));

const registry = constraintProblems(
  { uq_thing_name: { status: 409, field: 'name', message: 'is already used by another thing' } },
  { ck_thing_fixed: { status: 409, message: 'A published thing is fixed.' } },
);

describe('toProblem', () => {
  it.each([
    [new NotFoundException('Framework 42 does not exist.'), 404, 'Not Found', 'Framework 42 does not exist.'],
    [new ConflictException(), 409, 'Conflict', 'Conflict'],
    [new BadRequestException(['a is bad', 'b is bad']), 400, 'Bad Request', 'a is bad; b is bad'],
    [queryError('23505'), 409, 'Conflict', 'A record with the same unique value already exists.'],
    [queryError('23502'), 422, 'Unprocessable Entity', 'A required value is missing.'],
    [queryError('22P02'), 400, 'Bad Request', 'A value has the wrong format.'],
    [
      Object.assign(new Error('Unexpected token'), { status: 400, type: 'entity.parse.failed' }),
      400,
      'Bad Request',
      'The request body is not valid JSON.',
    ],
    [
      Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' }),
      413,
      'Payload Too Large',
      'The request body is too large.',
    ],
  ])('maps %s to status %i', (exception, status, title, detail) => {
    expect(toProblem(exception)).toEqual({ type: 'about:blank', title, status, detail });
  });

  it('lists each invalid field of a validation failure', () => {
    const body = toProblem(new RequestValidationException([{ field: 'name', message: 'must be a string' }]));
    expect(body).toMatchObject({
      status: 400,
      type: 'urn:proficio:problem:validation',
      errors: [{ field: 'name', message: 'must be a string' }],
    });
    expect(body.detail).toContain('name');
  });

  it('lists the warnings of a refused file beside its errors', () => {
    const exception = new ProblemException(
      422,
      'The file cannot be imported',
      'x.csv is not valid.',
      [{ field: 'row 2', message: 'bad' }],
      { type: 'urn:proficio:problem:import-invalid', warnings: [{ field: 'file', message: 'read as Windows-1252' }] },
    );
    expect(toProblem(exception)).toEqual({
      type: 'urn:proficio:problem:import-invalid',
      title: 'The file cannot be imported',
      status: 422,
      detail: 'x.csv is not valid.',
      errors: [{ field: 'row 2', message: 'bad' }],
      warnings: [{ field: 'file', message: 'read as Windows-1252' }],
    });
    expect(toProblem(new ProblemException(422, 'T', 'd'))).not.toHaveProperty('warnings');
  });

  it('hides the details of unexpected errors and of unknown database errors', () => {
    for (const error of [new Error('secret internals'), queryError('XX000'), 'a string']) {
      const body = toProblem(error);
      expect(body.status).toBe(500);
      expect(body.detail).not.toContain('secret');
    }
  });

  it('answers a constraint of the registry with its problem, naming the field', () => {
    expect(toProblem(queryError('23505', 'uq_thing_name'), registry)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'name is already used by another thing.',
      errors: [{ field: 'name', message: 'is already used by another thing' }],
    });
    expect(toProblem(queryError('23514', 'ck_thing_fixed'), registry)).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'A published thing is fixed.',
    });
  });

  it('answers a constraint outside the registry by its error code', () => {
    expect(toProblem(queryError('23514', 'ck_other'), registry)).toMatchObject({
      status: 422,
      detail: 'A value breaks a rule of the data model.',
    });
    expect(toProblem(queryError('23505', 'toString'), registry)).toMatchObject({
      status: 409,
      detail: 'A record with the same unique value already exists.',
    });
  });

  it('refuses a registry that claims a constraint twice', () => {
    expect(() => constraintProblems(registry, { uq_thing_name: { status: 422, message: 'again' } })).toThrow(/uq_thing_name/);
  });
});
