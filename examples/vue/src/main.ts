import { createApp } from 'vue';
import 'deskguard/all.js';
import App from './App.vue';
import { API } from './api';
import './host.css';

// The mock backend stands in for the host's server: masking starts off in this business.
// Loaded on its own, so the mock stays out of the app's bundle.
const { startBrowserMock } = await import('deskguard/mocks/browser.js');
await startBrowserMock({ business: 'premium-existing' }, { baseUrl: API });

createApp(App).mount('#app');
