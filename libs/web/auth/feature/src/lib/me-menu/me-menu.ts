import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { Role } from '@proficio/shared/contracts';

const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', manager: 'Manager', employee: 'Employee' };

/** The toolbar's account menu for the signed-in person: who they are, change password, their data, sign out. */
@Component({
  selector: 'app-me-menu',
  imports: [MatButtonModule, MatMenuModule, RouterLink],
  templateUrl: './me-menu.html',
  styleUrl: './me-menu.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeMenu {
  private readonly session = inject(SessionStore);

  protected readonly me = this.session.me;
  protected readonly name = this.session.displayName;
  protected readonly roleLabels = computed(() =>
    this.session
      .roles()
      .map((role) => ROLE_LABELS[role] ?? role)
      .join(', '),
  );

  protected signOut(): void {
    void this.session.signOut();
  }
}
