import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'deskguard/all.js';
import { API } from './app/api';
import { FrontDeskComponent } from './app/front-desk.component';

// The mock backend stands in for the host's server: masking starts off in this business.
// Loaded on its own, so the mock stays out of the app's bundle.
import('deskguard/mocks/browser.js')
  .then(({ startBrowserMock }) => startBrowserMock({ business: 'premium-existing' }, { baseUrl: API }))
  .then(() => bootstrapApplication(FrontDeskComponent, { providers: [provideZonelessChangeDetection()] }))
  .catch((error: unknown) => console.error(error));
