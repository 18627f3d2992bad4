// MSW's browser build defines the global `MockServiceWorker`; the mock backend imports
// these names from "msw" and "msw/browser", which the import map points here.
const { http, HttpResponse, delay, setupWorker } = globalThis.MockServiceWorker;

export { http, HttpResponse, delay, setupWorker };
