/**
 * Gift card numbers nobody can guess (MINDBODY's "Generate Random"): pure functions,
 * no DOM, shared by the element, the backends and host backends in Node.
 *
 * - Digits come from the platform's cryptographic source (`crypto.getRandomValues`)
 *   by rejection sampling, so every digit is equally likely (no modulo bias).
 * - The optional check digit is Damm's: it catches every single-digit error and every
 *   swap of two adjacent digits, the two mistakes of copying a number by hand. (Luhn
 *   misses the swap 09 ↔ 90 and is the check of payment card numbers.)
 * - A generated number never starts like a payment card number. ISO/IEC 7812 allows
 *   payment card numbers of 8 to 19 digits, every length a gift card number may have
 *   here, so the rule holds at every length: see `startsLikePaymentCard`.
 */

/** How a gift card number is made: its length in digits (the check digit included) and whether it ends with a check digit. */
export interface GiftCardFormat {
  length: number;
  checkDigit: boolean;
}

/** The shortest and longest gift card numbers the adapter contract accepts. */
export const GIFT_CARD_MIN_LENGTH = 8;
export const GIFT_CARD_MAX_LENGTH = 19;

/**
 * `standard`: twelve random digits, as in MINDBODY (one of about 2.8 × 10^11 numbers,
 * once the payment card prefixes are left out). `strong`: sixteen digits, the last a
 * check digit (one of about 2.8 × 10^14); see the README for what each resists.
 */
export const GIFT_CARD_PRESETS = {
  standard: { length: 12, checkDigit: false },
  strong: { length: 16, checkDigit: true },
} as const satisfies Record<string, GiftCardFormat>;

export type GiftCardPreset = keyof typeof GIFT_CARD_PRESETS;

/** Fills the array with random bytes; `crypto.getRandomValues` unless a test passes its own. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const cryptoBytes: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/**
 * Prefixes that payment card networks issue under. Every number starting with 1 to 6
 * is left out whole: ISO/IEC 7812 gives those first digits to airlines (UATP),
 * travel and entertainment (American Express, Diners Club, JCB) and banking (Visa,
 * Mastercard, Mir, Maestro, Discover, UnionPay, RuPay, Troy, Verve). Under 8 and 9:
 * RuPay and UnionPay (81, 82), UzCard (8600), Belkart (9112), Troy (9792), Humo (9860).
 * A first digit of 0 is left out too: a leading zero is lost wherever a number is
 * stored or typed as an integer (spreadsheets, some POS fields).
 */
const PAYMENT_PREFIXES = ['81', '82', '8600', '9112', '9792', '9860'];

/** True when the digits start the way a payment card number can (or with 0, which a gift card number never does here). */
export function startsLikePaymentCard(digits: string): boolean {
  const first = digits.charAt(0);
  return first < '7' || PAYMENT_PREFIXES.some((prefix) => digits.startsWith(prefix));
}

/** The first four digits of the big bank card networks' numbers, as inclusive ranges. */
const BANK_CARD_RANGES: readonly (readonly [number, number])[] = [
  [2200, 2204], // Mir
  [2221, 2720], // Mastercard
  [3000, 3059], // Diners Club
  [3400, 3499], // American Express
  [3528, 3589], // JCB
  [3600, 3699], // Diners Club
  [3700, 3799], // American Express
  [3800, 3999], // Diners Club
  [4000, 4999], // Visa
  [5100, 5599], // Mastercard
  [6011, 6011], // Discover
  [6200, 6299], // UnionPay
  [6440, 6599], // Discover
];

/**
 * True when the digits could be a customer's bank card: a big network's prefix, a
 * length those networks issue (12 to 19) and a valid Luhn check digit. A bank card
 * typed into the gift card field by mistake would be stored in the clear, so it is
 * refused. Pre-printed gift cards from card suppliers (often 6-prefixed closed-loop
 * numbers) are not caught.
 */
export function looksLikeBankCard(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  const start = Number(digits.slice(0, 4));
  return BANK_CARD_RANGES.some(([low, high]) => start >= low && start <= high) && luhnValid(digits);
}

/** The Luhn check (ISO/IEC 7812), for recognising payment card numbers only. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Damm's table: a totally anti-symmetric quasigroup of order 10, row by row. */
const DAMM = '0317598642709215486342068713591750983426612304597836742095815869720134894536201794386172052581436790';

function dammInterim(digits: string): number {
  let interim = 0;
  for (const c of digits) interim = Number(DAMM.charAt(interim * 10 + Number(c)));
  return interim;
}

/** The Damm check digit of a string of digits ("572" → "4"). */
export function dammCheckDigit(digits: string): string {
  return String(dammInterim(digits));
}

/** True when the last digit is the Damm check digit of the ones before it. */
export function dammValid(digits: string): boolean {
  return /^\d+$/.test(digits) && dammInterim(digits) === 0;
}

/** Draws uniformly random digits, each from `base` choices (10, or 3 for the first digit), by rejection sampling. */
class DigitSource {
  private readonly bytes = new Uint8Array(64);
  private next = this.bytes.length;

  constructor(private readonly random: RandomBytes) {}

  /** A uniformly random integer in [0, base), for base 3 or 10: bytes at or above the largest multiple of base are thrown away. */
  draw(base: number): number {
    const limit = 256 - (256 % base);
    for (;;) {
      if (this.next === this.bytes.length) {
        this.random(this.bytes);
        this.next = 0;
      }
      const byte = this.bytes[this.next++]!;
      if (byte < limit) return byte % base;
    }
  }
}

/** Throws a RangeError unless the format is one this kit can issue. */
export function checkGiftCardFormat(format: GiftCardFormat): void {
  const { length } = format;
  if (!Number.isInteger(length) || length < GIFT_CARD_MIN_LENGTH || length > GIFT_CARD_MAX_LENGTH) {
    throw new RangeError(
      `A gift card number has ${GIFT_CARD_MIN_LENGTH} to ${GIFT_CARD_MAX_LENGTH} digits, not ${String(length)}`,
    );
  }
}

/**
 * A new random gift card number: `format.length` digits, the first 7, 8 or 9 and never
 * a payment card prefix, uniformly distributed over every number that rule allows.
 * With `format.checkDigit` the last digit is the Damm check digit of the others.
 */
export function generateGiftCardNumber(
  format: GiftCardFormat = GIFT_CARD_PRESETS.standard,
  random: RandomBytes = cryptoBytes,
): string {
  checkGiftCardFormat(format);
  const source = new DigitSource(random);
  const randomLength = format.length - (format.checkDigit ? 1 : 0);
  for (;;) {
    let digits = String(7 + source.draw(3));
    while (digits.length < randomLength) digits += String(source.draw(10));
    // Rejecting a disallowed prefix and drawing again keeps the allowed numbers equally likely.
    if (startsLikePaymentCard(digits)) continue;
    return format.checkDigit ? digits + dammCheckDigit(digits) : digits;
  }
}

/**
 * How many different numbers `generateGiftCardNumber` can produce in this format:
 * what a guesser must search. A check digit adds nothing (anyone can compute it).
 */
export function giftCardNumberSpace(format: GiftCardFormat): number {
  const randomLength = format.length - (format.checkDigit ? 1 : 0);
  // Of the 3,000 four-digit starts from 7000 to 9999, 81xx and 82xx (200) and four more are payment prefixes.
  return 2_796 * 10 ** (randomLength - 4);
}

/** Why a typed or scanned number is not (yet) a valid gift card number. */
export type GiftCardNumberProblem = 'empty' | 'characters' | 'too-short' | 'too-long' | 'check-digit' | 'bank-card';

export interface GiftCardNumberCheck {
  /** The digits, with spaces and dashes removed. */
  digits: string;
  /** What is wrong, or undefined when the number is valid. */
  problem: GiftCardNumberProblem | undefined;
}

/**
 * Checks a number staff typed or scanned from a pre-printed card. Spaces and dashes
 * (as printed on cards) are ignored; anything else that is not a digit is refused.
 */
export function checkGiftCardNumber(input: string, format: GiftCardFormat): GiftCardNumberCheck {
  const trimmed = input.replace(/[\s-]+/g, '');
  const digits = trimmed.replace(/\D+/g, '');
  const problem: GiftCardNumberProblem | undefined =
    trimmed.length === 0
      ? 'empty'
      : digits !== trimmed
        ? 'characters'
        : digits.length < format.length
          ? 'too-short'
          : digits.length > format.length
            ? 'too-long'
            : looksLikeBankCard(digits)
              ? 'bank-card'
              : format.checkDigit && !dammValid(digits)
                ? 'check-digit'
                : undefined;
  return { digits, problem };
}

/**
 * Splits digits into groups of three or four for reading aloud and copying by hand:
 * as few groups as fours allow, the longer groups first ("739184620571" → 7391 8462 0571;
 * 13 digits → 4 3 3 3).
 */
export function groupDigits(digits: string): string[] {
  if (!digits) return [];
  const count = Math.ceil(digits.length / 4);
  const base = Math.floor(digits.length / count);
  const longer = digits.length % count;
  const groups: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < longer ? 1 : 0);
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  return groups;
}
