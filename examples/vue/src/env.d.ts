/// <reference types="vite/client" />
/// <reference types="deskguard/vue" />
