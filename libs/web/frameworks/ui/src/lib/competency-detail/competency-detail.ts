import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatTabsModule } from '@angular/material/tabs';
import { ChangeStatus, CompetencyLevelView, CompetencyView, ScaleLevelView, TextValue } from '@proficio/shared/contracts';
import { competencyCode, competencyShortName } from '../outline/competency-label';
import { levelShortTitle, levelTitle } from '../outline/framework-outline';
import { FallbackMarker } from '../text/fallback-marker';
import { FormattedText } from '../text/formatted-text';
import { WarningIcon } from '../warnings/warning-icon';
import { WarningIndex } from '../warnings/warning-index';
import { WarningMarker } from '../warnings/warning-marker';
import { LocalNumberPipe } from '@proficio/web/shared/ui';

/** One tab: a level at which the competency is defined, or one it declares not practised. */
interface LevelTab {
  /** The competency and level: another competency's tabs are new tabs, so that the tab group selects from them afresh. */
  readonly key: string;
  readonly level: number;
  readonly title: string;
  readonly shortTitle: string;
  readonly scaleLevel?: ScaleLevelView;
  readonly defined?: CompetencyLevelView;
  readonly notPractisedNote?: TextValue;
  readonly warningCount: number;
}

const CHANGE_LABELS: Record<ChangeStatus, string> = { new: 'new', modified: 'modified', unchanged: 'unchanged' };

/** A competency: its description, guidance and change markers, and its levels as tabs. */
@Component({
  selector: 'app-competency-detail',
  imports: [LocalNumberPipe, FallbackMarker, FormattedText, MatChipsModule, MatTabsModule, WarningIcon, WarningMarker],
  templateUrl: './competency-detail.html',
  styleUrl: './competency-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompetencyDetail {
  readonly competency = input.required<CompetencyView>();
  readonly scaleLevels = input.required<ScaleLevelView[]>();
  /** Level number to show; the first tab when it is not one of the competency's levels. */
  readonly selectedLevel = input<number | null>(null);
  readonly warnings = input<WarningIndex>(new WarningIndex({ competencies: [], warnings: [] }));
  readonly levelSelected = output<number>();

  protected readonly headingId = computed(() => `competency-${this.competency().id}-title`);
  /** Null for a competency without a code: the heading is then its title alone. */
  protected readonly code = computed(() => competencyCode(this.competency()));
  protected readonly shortName = computed(() => competencyShortName(this.competency()));

  protected readonly tabs = computed((): LevelTab[] => {
    const competency = this.competency();
    const scale = this.scaleLevels();
    const numbers = [...competency.levels.map((level) => level.level), ...competency.notPractisedLevels.map((entry) => entry.level)].sort(
      (a, b) => a - b,
    );
    return [...new Set(numbers)].map((number) => {
      const scaleLevel = scale.find((level) => level.number === number);
      return {
        key: `${competency.id}|${number}`,
        level: number,
        title: levelTitle(scaleLevel, number),
        shortTitle: levelShortTitle(scaleLevel, number),
        scaleLevel,
        defined: competency.levels.find((level) => level.level === number),
        notPractisedNote: competency.notPractisedLevels.find((entry) => entry.level === number)?.note,
        warningCount: this.warnings().inLevel(competency.id, number).length,
      };
    });
  });

  protected readonly selectedTabIndex = computed(() => {
    const index = this.tabs().findIndex((tab) => tab.level === this.selectedLevel());
    return Math.max(index, 0);
  });

  /** "Defined at 3 of 7 levels (5–7)". */
  protected readonly levelSummary = computed(() => {
    const defined = this.competency().levels.map((level) => level.level);
    const total = this.scaleLevels().length;
    if (defined.length === 0) return 'Not defined at any level.';
    const codes = defined.map((n) => this.scaleLevels().find((level) => level.number === n)?.code ?? String(n));
    return `Defined at ${defined.length} of ${total} level${total === 1 ? '' : 's'}: ${codes.join(', ')}.`;
  });

  protected changeLabel(status: ChangeStatus): string {
    return CHANGE_LABELS[status];
  }

  protected selectTab(index: number): void {
    const tab = this.tabs()[index];
    if (tab && tab.level !== this.selectedLevel()) this.levelSelected.emit(tab.level);
  }
}
