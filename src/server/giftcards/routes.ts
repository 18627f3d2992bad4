/**
 * Gift card numbers (MINDBODY's "Generate Random"): a number is reserved for good so no
 * other terminal issues it; never one that looks like a bank card's.
 */
import { AdapterError } from '../../core/errors.js';
import { looksLikeBankCard } from '../../policy/giftcard-id.js';
import type { RequestContext } from '../context.js';
import { checkFields, invalid } from '../http.js';
import type { Route } from '../router.js';

async function reserve(ctx: RequestContext): Promise<Response> {
  const viewer = await ctx.require('sales.gift-cards', 'Your permission group does not include selling gift cards');
  const { value } = await ctx.body();
  const errors = checkFields(value, { number: 'string' });
  const number = (value as { number: string }).number;
  if (!errors['number'] && !/^\d{8,19}$/.test(number)) errors['number'] = 'A gift card number has 8 to 19 digits';
  if (!errors['number'] && looksLikeBankCard(number))
    errors['number'] = 'This looks like a bank card number, not a gift card number';
  if (Object.keys(errors).length) throw invalid(errors);
  return ctx.write(async (tx) => {
    const reservation = { number, reservedAt: ctx.iso(), reservedBy: { id: viewer.id, name: viewer.name } };
    if (!(await tx.giftCards.reserve(reservation)))
      throw new AdapterError('conflict', { message: 'This number is already in use' });
    return { status: 201, body: reservation };
  });
}

export const routes: Route[] = [{ method: 'POST', path: '/gift-card-ids', handler: reserve }];
