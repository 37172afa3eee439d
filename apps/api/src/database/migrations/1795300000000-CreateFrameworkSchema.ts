import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competency frameworks, versioned. A framework (its stable identity, `key`)
 * has versions; a version holds its level scale, categories, competencies and
 * their levels with indicators and interview questions. Published versions
 * are immutable: assessments and evidence will point at competency_level rows.
 * Texts are jsonb objects keyed by language ({"en": "...", "it": "..."}).
 */
export class CreateFrameworkSchema1795300000000 implements MigrationInterface {
  name = 'CreateFrameworkSchema1795300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE framework (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        built_in boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_framework_key UNIQUE (key),
        CONSTRAINT ck_framework_key CHECK (length(key) BETWEEN 1 AND 200)
      )`);
    await runner.query(`
      CREATE TABLE framework_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES framework (id) ON DELETE RESTRICT,
        version_number integer NOT NULL,
        previous_version_id uuid REFERENCES framework_version (id) ON DELETE RESTRICT,
        code text NOT NULL,
        name jsonb NOT NULL,
        description jsonb,
        publisher text,
        source_url text,
        licence text,
        attribution text,
        version_label text NOT NULL,
        default_language text NOT NULL,
        languages text[] NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        scale_key text NOT NULL,
        scale_name jsonb NOT NULL,
        source_format text NOT NULL,
        content_hash text NOT NULL,
        counts jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT uq_framework_version_number UNIQUE (framework_id, version_number),
        CONSTRAINT ck_framework_version_status CHECK (status IN ('draft', 'published', 'retired')),
        CONSTRAINT ck_framework_version_number CHECK (version_number >= 1)
      )`);
    await runner.query(`CREATE INDEX ix_framework_version_framework ON framework_version (framework_id, version_number DESC)`);
    await runner.query(`
      CREATE TABLE scale_level (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version (id) ON DELETE CASCADE,
        number integer NOT NULL,
        code text NOT NULL,
        label jsonb NOT NULL,
        description jsonb,
        guiding_phrase jsonb,
        CONSTRAINT uq_scale_level_number UNIQUE (framework_version_id, number)
      )`);
    await runner.query(`
      CREATE TABLE category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES category (id) ON DELETE CASCADE,
        key text NOT NULL,
        code text,
        name jsonb NOT NULL,
        description jsonb,
        position integer NOT NULL,
        CONSTRAINT uq_category_key UNIQUE (framework_version_id, key)
      )`);
    await runner.query(`
      CREATE TABLE competency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version (id) ON DELETE CASCADE,
        category_id uuid REFERENCES category (id) ON DELETE SET NULL,
        key text NOT NULL,
        code text NOT NULL,
        title jsonb NOT NULL,
        description jsonb,
        guidance jsonb,
        change_status text,
        guidance_change_status text,
        related_keys text[] NOT NULL DEFAULT '{}',
        not_practised_levels jsonb NOT NULL DEFAULT '[]'::jsonb,
        position integer NOT NULL,
        previous_competency_id uuid REFERENCES competency (id) ON DELETE SET NULL,
        search_text text NOT NULL DEFAULT '',
        CONSTRAINT uq_competency_key UNIQUE (framework_version_id, key),
        CONSTRAINT ck_competency_change_status CHECK (change_status IN ('new', 'modified', 'unchanged')),
        CONSTRAINT ck_competency_guidance_change_status CHECK (guidance_change_status IN ('new', 'modified', 'unchanged'))
      )`);
    await runner.query(`CREATE INDEX ix_competency_version ON competency (framework_version_id, position)`);
    await runner.query(`
      CREATE TABLE competency_level (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
        scale_level_id uuid NOT NULL REFERENCES scale_level (id) ON DELETE CASCADE,
        level_number integer NOT NULL,
        description jsonb,
        change_status text,
        CONSTRAINT uq_competency_level UNIQUE (competency_id, level_number),
        CONSTRAINT ck_competency_level_change_status CHECK (change_status IN ('new', 'modified', 'unchanged'))
      )`);
    await runner.query(`
      CREATE TABLE behaviour_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competency_level_id uuid NOT NULL REFERENCES competency_level (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text jsonb NOT NULL,
        CONSTRAINT uq_behaviour_indicator_position UNIQUE (competency_level_id, position)
      )`);
    await runner.query(`
      CREATE TABLE interview_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competency_level_id uuid NOT NULL REFERENCES competency_level (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text jsonb NOT NULL,
        probes jsonb NOT NULL DEFAULT '[]'::jsonb,
        CONSTRAINT uq_interview_question_position UNIQUE (competency_level_id, position)
      )`);
    await runner.query(`
      CREATE TABLE certification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_version_id uuid NOT NULL REFERENCES framework_version (id) ON DELETE CASCADE,
        name text NOT NULL,
        issuer text,
        competency_keys text[] NOT NULL DEFAULT '{}',
        category_keys text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL
      )`);
    await runner.query(`CREATE INDEX ix_category_version ON category (framework_version_id, position)`);
    await runner.query(`CREATE INDEX ix_competency_level_competency ON competency_level (competency_id, level_number)`);
    await runner.query(`CREATE INDEX ix_behaviour_indicator_level ON behaviour_indicator (competency_level_id, position)`);
    await runner.query(`CREATE INDEX ix_interview_question_level ON interview_question (competency_level_id, position)`);
    await runner.query(`CREATE INDEX ix_framework_version_search ON framework_version USING gin (to_tsvector('simple', search_text))`);
    // Full-text search per language: one document per competency and language,
    // built with that language's text search configuration (english, italian…).
    await runner.query(`
      CREATE TABLE competency_search (
        competency_id uuid NOT NULL REFERENCES competency (id) ON DELETE CASCADE,
        language text NOT NULL,
        config regconfig NOT NULL,
        document tsvector NOT NULL,
        PRIMARY KEY (competency_id, language)
      )`);
    await runner.query(`CREATE INDEX ix_competency_search_document ON competency_search USING gin (document)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'competency_search',
      'certification',
      'interview_question',
      'behaviour_indicator',
      'competency_level',
      'competency',
      'category',
      'scale_level',
      'framework_version',
      'framework',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
