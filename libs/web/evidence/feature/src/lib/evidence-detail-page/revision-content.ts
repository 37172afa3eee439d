import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { CompetencyDetail, EvidenceFileView, EvidenceRevisionView, TextValue } from '@proficio/shared/contracts';
import { FallbackMarker, FormattedText } from '@proficio/web/frameworks/ui';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { EvidenceFiles } from '../shared/evidence-files';
import { claimLevelText, competencyText, isWebLink } from '../shared/evidence-text';
import { withFrameworkVersion } from '@proficio/web/shared/util';

/** One claim of a revision as the page shows it: the level's text beside what the author wrote for it. */
interface ClaimShown {
  readonly index: number;
  readonly competency: string;
  readonly framework: string;
  readonly level: string;
  readonly levelText: TextValue | null;
  readonly answers: EvidenceRevisionView['answers'];
  readonly indicators: EvidenceRevisionView['indicators'];
}

/**
 * What one revision says: when the activity was, each competency and level it claims with the level's description
 * beside the answers to the level's questions and the indicators ticked, the narrative, the links (web addresses
 * only are links, opened in a new tab) and the files (downloaded through the page).
 */
@Component({
  selector: 'app-revision-content',
  imports: [EvidenceFiles, FallbackMarker, FormattedText, LocalDatePipe],
  templateUrl: './revision-content.html',
  styleUrl: './revision-content.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevisionContent {
  readonly revision = input.required<EvidenceRevisionView>();
  /** The claimed competencies with their levels' texts, by id (a claim whose competency is missing shows without it). */
  readonly details = input<ReadonlyMap<string, CompetencyDetail>>(new Map());
  /** Prefix of the ids inside. */
  readonly idPrefix = input('revision');
  readonly downloading = input<string | null>(null);
  readonly download = output<EvidenceFileView>();

  protected readonly isWebLink = isWebLink;

  protected readonly claims = computed<ClaimShown[]>(() => {
    const revision = this.revision();
    const details = this.details();
    return revision.claims.map((claim, index) => {
      const detail = details.get(claim.competency.id);
      const level = detail?.levels.find((candidate) => candidate.level === claim.level);
      const scale = detail?.scale.find((step) => step.number === claim.level);
      return {
        index,
        competency: competencyText(claim.competency),
        framework: withFrameworkVersion(claim.framework.name.text, claim.framework.versionLabel),
        level: claimLevelText(claim),
        levelText: level?.description ?? scale?.description ?? null,
        answers: revision.answers.filter((answer) => answer.claim === index),
        indicators: revision.indicators.filter((indicator) => indicator.claim === index),
      };
    });
  });
}
