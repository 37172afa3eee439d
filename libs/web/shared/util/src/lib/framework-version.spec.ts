import { frameworkVersionLabel, withFrameworkVersion } from './framework-version';

describe('frameworkVersionLabel', () => {
  it.each([
    ['9', '9'],
    ['EN 16234-1:2019 (e-CF 4.0)', 'EN 16234-1:2019 (e-CF 4.0)'],
    [' 4.0 ', '4.0'],
    ['unversioned', ''],
    [' unversioned ', ''],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
  ])('shows the label %p as %p', (label, shown) => {
    expect(frameworkVersionLabel(label)).toBe(shown);
  });
});

describe('withFrameworkVersion', () => {
  it.each([
    ['SFIA', '9', 'SFIA 9'],
    ['e-CF area C: Run', '4.0', 'e-CF area C: Run 4.0'],
    ['SMP', 'unversioned', 'SMP'],
    ['SMP', '', 'SMP'],
    ['', '9', '9'],
  ])('names %p of version %p as %p', (name, label, shown) => {
    expect(withFrameworkVersion(name, label)).toBe(shown);
  });
});
