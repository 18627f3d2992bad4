export const API = '/api/deskguard';
