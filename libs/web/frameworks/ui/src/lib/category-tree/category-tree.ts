import { ChangeDetectionStrategy, Component, afterRenderEffect, computed, input, output, viewChild } from '@angular/core';
import { MatTree, MatTreeModule } from '@angular/material/tree';
import { FrameworkTree } from '@proficio/shared/contracts';
import { CompetencyLabel, competencyLabel, competencyName, outlinePositions } from '../outline/competency-label';
import { OutlineNode, categoryCode, frameworkOutline } from '../outline/framework-outline';
import { WarningIndex } from '../warnings/warning-index';
import { WarningIcon } from '../warnings/warning-icon';
import { LocalNumberPipe } from '@proficio/web/shared/ui';

/**
 * The framework's categories (any depth) with their competencies, as an
 * accessible tree: arrow keys move and expand/collapse, Enter or Space opens
 * a competency, typing jumps to a matching code or title. A competency
 * without a code shows its place in the outline ("1.2.3") where the code goes.
 */
@Component({
  selector: 'app-category-tree',
  imports: [LocalNumberPipe, MatTreeModule, WarningIcon],
  templateUrl: './category-tree.html',
  styleUrl: './category-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryTree {
  readonly tree = input.required<FrameworkTree>();
  readonly warnings = input<WarningIndex>();
  /** Id of the competency shown beside the tree. */
  readonly selectedId = input<string | null>(null);
  readonly label = input('Categories and competencies');
  readonly competencySelected = output<string>();

  protected readonly nodes = computed(() => frameworkOutline(this.tree()));
  private readonly positions = computed(() => outlinePositions(this.nodes()));
  private readonly matTree = viewChild(MatTree);
  private expandedFrameworkId: string | null = null;

  constructor() {
    // Open every category when a framework is first shown; expansion is keyed by id, so it
    // survives a reload in another language.
    afterRenderEffect(() => {
      const tree = this.matTree();
      const id = this.tree().id;
      if (tree && id !== this.expandedFrameworkId) {
        this.expandedFrameworkId = id;
        tree.expandAll();
      }
    });
  }

  protected readonly childrenOf = (node: OutlineNode): OutlineNode[] => node.children;
  protected readonly idOf = (node: OutlineNode): string => node.id;
  protected readonly trackById = (_index: number, node: OutlineNode): string => node.id;
  protected readonly isCategory = (_index: number, node: OutlineNode): boolean => node.kind === 'category';

  protected warningCount(node: OutlineNode): number {
    return node.kind === 'competency' ? (this.warnings()?.inCompetency(node.id).length ?? 0) : 0;
  }

  protected categoryCode(node: OutlineNode): string | null {
    return node.kind === 'category' ? categoryCode(node) : null;
  }

  /** A competency's code, or its place in the outline when it has none. */
  protected codeLabel(node: OutlineNode): CompetencyLabel | null {
    return node.kind === 'competency' ? competencyLabel(node, this.positions().get(node.id)) : null;
  }

  protected typeaheadLabel(node: OutlineNode): string {
    return node.kind === 'competency' ? competencyName(node) : node.name.text;
  }

  protected selectCompetency(node: OutlineNode): void {
    if (node.kind === 'competency') this.competencySelected.emit(node.id);
  }
}
