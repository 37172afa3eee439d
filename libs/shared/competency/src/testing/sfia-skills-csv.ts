/** One skill of an SFIA-style skills CSV. */
export interface SfiaSkill {
  code: string;
  url: string;
  skill: string;
  category: string;
  subcategory: string;
  overall: string;
  guidance: string;
  /** The description of each level 1..7 (index 0 is level 1); a level without one is not defined for the skill. */
  levels: (string | undefined)[];
}

const LEVELS = [1, 2, 3, 4, 5, 6, 7];

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** An SFIA skills CSV as SFIA publishes it (the format `sfia-csv` imports): a column per level marks where a skill is defined. */
export function sfiaSkillsCsv(skills: SfiaSkill[]): string {
  const header = [
    '#',
    ...LEVELS.map(String),
    'Code',
    'URL',
    'Skill',
    'Category',
    'Subcategory',
    'Overall description',
    'Guidance notes',
    ...LEVELS.map((level) => `Level ${level} description`),
  ];
  const rows = skills.map((skill, index) => [
    String(index + 1),
    ...LEVELS.map((level) => (skill.levels[level - 1] ? String(level) : '')),
    skill.code,
    skill.url,
    skill.skill,
    skill.category,
    skill.subcategory,
    skill.overall,
    skill.guidance,
    ...LEVELS.map((level) => skill.levels[level - 1] ?? ''),
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
