export function sharedCompetency(): string {
  return 'shared-competency';
}
