import { employeeStatusLabel } from './employee-status';

describe('employeeStatusLabel', () => {
  it.each([
    ['active', 'Active'],
    ['left', 'Left'],
  ] as const)('%s → %s', (status, label) => {
    expect(employeeStatusLabel(status)).toBe(label);
  });
});
