import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { NamedRef } from '@proficio/shared/contracts';
import { activePeopleSearch } from '@proficio/web/people/data-access/people-search';
import { SearchPicker } from '@proficio/web/shared/ui';

/**
 * People picked by hand (`control` holds them, in the order picked): chips with a remove button, and a search by name
 * among active people (`GET /api/employees?q=`) that offers the first ones as soon as the empty field gets focus.
 */
@Component({
  selector: 'app-people-picker',
  imports: [SearchPicker],
  template: `
    <app-search-picker
      [picks]="control()"
      [label]="label()"
      [hint]="hint()"
      placeholder="Type a name"
      testId="people-search"
      [search]="search"
      [labelOf]="nameOf"
      [errorMessages]="{ required: 'Choose at least one person' }"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeoplePicker {
  readonly control = input.required<FormControl<NamedRef[]>>();
  readonly label = input('People');
  readonly hint = input('Search by name; pick as many as you need');

  protected readonly search = activePeopleSearch();
  protected readonly nameOf = (person: NamedRef): string => person.name;
}
