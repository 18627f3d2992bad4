import { mount } from 'svelte';
import 'deskguard/all.js';
import App from './App.svelte';
import { API } from './api.js';
import './host.css';

// The mock backend stands in for the host's server: masking starts off in this business.
// Loaded on its own, so the mock stays out of the app's bundle.
const { startBrowserMock } = await import('deskguard/mocks/browser.js');
await startBrowserMock({ business: 'premium-existing' }, { baseUrl: API });

mount(App, { target: document.getElementById('app') });
