import { Component, type ElementRef, computed, signal, viewChild } from '@angular/core';
import { RestAdapter, type ClientAlertDialogElement } from 'deskguard';
import { directionOf, setLocale } from 'deskguard/locale.js';
import { API } from './api';
// Copied from node_modules/deskguard/angular/ (npm run prebuild): checked bindings and events.
import { DESKGUARD_DIRECTIVES } from './deskguard.directives';

const STAFF = [
  { id: 'staff-owner', label: 'Priya Raman (owner)' },
  { id: 'staff-front-desk', label: 'Tom Okafor (front desk)' },
  { id: 'staff-duty-manager', label: 'Sofia Marin (duty manager)' },
];

@Component({
  selector: 'front-desk',
  imports: [DESKGUARD_DIRECTIVES],
  templateUrl: './front-desk.component.html',
})
export class FrontDeskComponent {
  protected readonly staff = STAFF;
  protected readonly viewer = signal(STAFF[0]!.id);
  protected readonly events = signal<string[]>([]);
  protected readonly checkIn = signal('');
  protected readonly sale = signal('');
  private readonly dialog = viewChild.required<ElementRef<ClientAlertDialogElement>>('dialog');

  // The host signs requests as the person at the till; the mock reads the bearer token as a staff id.
  protected readonly adapter = computed(() => {
    const viewer = this.viewer();
    return new RestAdapter({ baseUrl: API, headers: () => ({ Authorization: `Bearer ${viewer}` }) });
  });

  protected record(text: string): void {
    this.events.update((events) => [...events, text]);
  }

  // The page's language: the elements' messages and formats, then the page's own lang and direction.
  protected async switchLanguage(event: Event): Promise<void> {
    const locale = (event.target as HTMLSelectElement).value;
    await setLocale(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    this.record(`locale: ${locale}`);
  }

  protected async signIn(): Promise<void> {
    const outcome = await this.dialog().nativeElement.open({ clientId: 'client-6', context: 'sign-in' });
    this.checkIn.set(
      outcome.status === 'signed-in' || outcome.status === 'no-alerts'
        ? 'Signed in.'
        : `Not signed in (${outcome.status}).`,
    );
  }

  protected sell(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.sale.set(`Sold a ${data.get('amount')} gift card, number ${data.get('cardNumber')}.`);
  }
}
