import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'deskguard/all.js';
import { App, API } from './App';
import './host.css';

// The mock backend stands in for the host's server: masking starts off in this business.
// Loaded on its own, so the mock stays out of the app's bundle.
const { startBrowserMock } = await import('deskguard/mocks/browser.js');
await startBrowserMock({ business: 'premium-existing' }, { baseUrl: API });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
