// app/api/deskguard/[...path]/route.mjs: a Next.js route handler is a Fetch handler.
import { deskguard } from '../../../../lib/deskguard.mjs';

const handle = (request) => deskguard.fetch(request);
export { handle as GET, handle as POST, handle as PUT, handle as DELETE };
