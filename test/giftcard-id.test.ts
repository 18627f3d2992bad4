import { expect } from '@open-wc/testing';
import {
  checkGiftCardNumber,
  dammCheckDigit,
  dammValid,
  generateGiftCardNumber,
  GIFT_CARD_PRESETS,
  giftCardNumberSpace,
  groupDigits,
  looksLikeBankCard,
  luhnValid,
  startsLikePaymentCard,
  type GiftCardFormat,
  type RandomBytes,
} from '../src/policy/giftcard-id.js';

/**
 * The bias test: a chi-square goodness-of-fit test on each digit position and on the
 * four-digit start, over DRAWS numbers, at a family-wise significance level of 1e-4
 * (Bonferroni over the nine tests). Critical values use the Wilson–Hilferty
 * approximation with z = 4.24, the normal quantile for 1e-4 / 9 one-sided.
 */
const DRAWS = 200_000;
const Z = 4.24;

function critical(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + Z * Math.sqrt(a)) ** 3;
}

function chiSquare(counts: number[], expected: number[]): number {
  return counts.reduce((sum, count, i) => sum + (count - expected[i]!) ** 2 / expected[i]!, 0);
}

/** The four-digit starts a generated number may have, each equally likely. */
const ALLOWED_STARTS = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0')).filter(
  (start) => !startsLikePaymentCard(start),
);

interface BiasReport {
  /** Positions 5 to 12 (1-based): statistic per position, each with 9 degrees of freedom. */
  positions: number[];
  /** The four-digit start against the allowed starts. */
  start: number;
  failed: string[];
}

function biasReport(draw: () => string): BiasReport {
  const digitCounts = Array.from({ length: 8 }, () => new Array<number>(10).fill(0));
  const startIndex = new Map(ALLOWED_STARTS.map((s, i) => [s, i]));
  const startCounts = new Array<number>(ALLOWED_STARTS.length).fill(0);
  let outside = 0;
  for (let n = 0; n < DRAWS; n++) {
    const number = draw();
    for (let p = 4; p < 12; p++) digitCounts[p - 4]![number.charCodeAt(p) - 48]! += 1;
    const index = startIndex.get(number.slice(0, 4));
    if (index === undefined) outside += 1;
    else startCounts[index]! += 1;
  }
  const positions = digitCounts.map((counts) => chiSquare(counts, new Array<number>(10).fill(DRAWS / 10)));
  const start = chiSquare(startCounts, new Array<number>(ALLOWED_STARTS.length).fill(DRAWS / ALLOWED_STARTS.length));
  const failed = [
    ...positions.flatMap((x, i) => (x > critical(9) ? [`position ${i + 5}: χ² ${x.toFixed(1)}`] : [])),
    ...(start > critical(ALLOWED_STARTS.length - 1) ? [`start: χ² ${start.toFixed(1)}`] : []),
    ...(outside ? [`${outside} numbers with a disallowed start`] : []),
  ];
  return { positions, start, failed };
}

describe('gift card numbers', () => {
  it('are unbiased: chi-square on every digit position and the four-digit start', () => {
    const report = biasReport(() => generateGiftCardNumber());
    expect(report.failed, `critical ${critical(9).toFixed(1)} (df 9)`).to.deep.equal([]);
  });

  it('the bias test catches modulo bias and a skewed random source', () => {
    // What `byte % 10` without rejection would give: 0–5 come up 26 times in 256, 6–9 25 times.
    // The bytes come from the platform in batches: one call per digit made this test the
    // slowest in the suite (past mocha's 10 s on a busy machine) for no extra power.
    const bytes = new Uint8Array(65_536);
    let next = bytes.length;
    const byte = () => {
      if (next === bytes.length) {
        crypto.getRandomValues(bytes);
        next = 0;
      }
      return bytes[next++]!;
    };
    const modulo = () => {
      for (;;) {
        let s = String(7 + (byte() % 3));
        while (s.length < 12) s += String(byte() % 10);
        if (!startsLikePaymentCard(s)) return s;
      }
    };
    expect(biasReport(modulo).failed.length, 'modulo bias').to.be.greaterThan(0);
    // A source that clears the lowest bit of one byte in eight.
    const skewed: RandomBytes = (array) => {
      crypto.getRandomValues(array);
      for (let i = 0; i < array.length; i += 8) array[i]! &= 0xfe;
      return array;
    };
    expect(
      biasReport(() => generateGiftCardNumber(GIFT_CARD_PRESETS.standard, skewed)).failed.length,
    ).to.be.greaterThan(0);
  });

  it('come from crypto.getRandomValues, never Math.random', () => {
    // The test watches Math.random to prove it is not called.
    /* eslint-disable no-restricted-properties */
    const original = Math.random;
    let calls = 0;
    Math.random = () => {
      calls += 1;
      return original();
    };
    try {
      generateGiftCardNumber();
      generateGiftCardNumber(GIFT_CARD_PRESETS.strong);
    } finally {
      Math.random = original;
    }
    /* eslint-enable no-restricted-properties */
    expect(calls).to.equal(0);
    const seen: number[] = [];
    const recording: RandomBytes = (array) => {
      seen.push(array.length);
      return crypto.getRandomValues(array);
    };
    generateGiftCardNumber(GIFT_CARD_PRESETS.standard, recording);
    expect(seen.length, 'the random source is the one given').to.be.greaterThan(0);
  });

  it('never start like a payment card number, at any length from 8 to 19', () => {
    for (let length = 8; length <= 19; length++) {
      for (let i = 0; i < 2_000; i++) {
        const number = generateGiftCardNumber({ length, checkDigit: i % 2 === 0 });
        expect(number).to.match(new RegExp(`^[789]\\d{${length - 1}}$`));
        expect(startsLikePaymentCard(number), number).to.equal(false);
      }
    }
    for (const prefix of [
      '4111',
      '5500',
      '3400',
      '6011',
      '1000',
      '2221',
      '8100',
      '8200',
      '8600',
      '9112',
      '9792',
      '9860',
    ])
      expect(startsLikePaymentCard(prefix), prefix).to.equal(true);
    for (const prefix of ['7000', '8000', '8300', '8601', '9000', '9111', '9793', '9999'])
      expect(startsLikePaymentCard(prefix), prefix).to.equal(false);
  });

  it('refuse lengths outside 8 to 19', () => {
    for (const length of [0, 7, 20, 12.5, NaN]) {
      expect(() => generateGiftCardNumber({ length, checkDigit: false }), String(length)).to.throw(RangeError);
    }
  });

  it('count the numbers a guesser must search', () => {
    expect(ALLOWED_STARTS.length).to.equal(2_796);
    expect(giftCardNumberSpace(GIFT_CARD_PRESETS.standard)).to.equal(2_796 * 1e8);
    expect(giftCardNumberSpace(GIFT_CARD_PRESETS.strong)).to.equal(2_796 * 1e11);
  });
});

describe('the Damm check digit', () => {
  it('matches the published example and validates what it makes', () => {
    expect(dammCheckDigit('572')).to.equal('4');
    expect(dammValid('5724')).to.equal(true);
    expect(dammValid('5274')).to.equal(false);
    const number = generateGiftCardNumber(GIFT_CARD_PRESETS.strong);
    expect(number).to.have.length(16);
    expect(dammValid(number)).to.equal(true);
  });

  it('catches every single-digit error and every adjacent swap, where Luhn misses 09 ↔ 90', () => {
    let singles = 0;
    let swaps = 0;
    for (let n = 0; n < 300; n++) {
      const number = generateGiftCardNumber(GIFT_CARD_PRESETS.strong);
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === number[i]) continue;
          const typo = number.slice(0, i) + String(d) + number.slice(i + 1);
          expect(dammValid(typo), `${number} → ${typo}`).to.equal(false);
          singles += 1;
        }
        if (i + 1 < number.length && number[i] !== number[i + 1]) {
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          expect(dammValid(swapped), `${number} → ${swapped}`).to.equal(false);
          swaps += 1;
        }
      }
    }
    expect(singles).to.equal(300 * 16 * 9);
    expect(swaps).to.be.greaterThan(3_000);
    // Luhn's blind spot: 0 and 9 both double to a digit sum of 0 and 9.
    expect(luhnValid('7090')).to.equal(luhnValid('7900'));
    expect(dammValid('709' + dammCheckDigit('709')) && dammValid('790' + dammCheckDigit('709'))).to.equal(false);
  });
});

describe('typed gift card numbers', () => {
  const standard = GIFT_CARD_PRESETS.standard;
  const strong = GIFT_CARD_PRESETS.strong;

  it('ignore spaces and dashes and name what is wrong', () => {
    const cases: [string, GiftCardFormat, string | undefined][] = [
      ['7391 8462 0571', standard, undefined],
      ['7391-8462-0571', standard, undefined],
      ['', standard, 'empty'],
      ['   ', standard, 'empty'],
      ['7391 8462', standard, 'too-short'],
      ['7391 8462 0571 1', standard, 'too-long'],
      ['7391 846O 0571', standard, 'characters'],
      ['<img src=x>', standard, 'characters'],
      ['４５６', standard, 'characters'],
      ['4111 1111 1111 1111', { length: 16, checkDigit: false }, 'bank-card'],
    ];
    for (const [input, format, problem] of cases) {
      expect(checkGiftCardNumber(input, format).problem, input).to.equal(problem);
    }
    expect(checkGiftCardNumber('7391 8462 0571', standard).digits).to.equal('739184620571');
    const valid = generateGiftCardNumber(strong);
    expect(checkGiftCardNumber(valid, strong).problem).to.equal(undefined);
    const typo = valid.slice(0, 5) + String((Number(valid[5]) + 1) % 10) + valid.slice(6);
    expect(checkGiftCardNumber(typo, strong).problem).to.equal('check-digit');
  });

  it('recognise a bank card only with a network prefix, a card length and a valid Luhn digit', () => {
    expect(looksLikeBankCard('4111111111111111')).to.equal(true);
    expect(looksLikeBankCard('5500000000000004')).to.equal(true);
    expect(looksLikeBankCard('378282246310005')).to.equal(true);
    expect(looksLikeBankCard('4111111111111112'), 'Luhn fails').to.equal(false);
    expect(looksLikeBankCard('41111111111'), 'too short').to.equal(false);
    expect(looksLikeBankCard('6036280000000000009'), 'a closed-loop gift card').to.equal(false);
  });
});

describe('digit groups', () => {
  it('split numbers into groups of three or four, longer groups first', () => {
    expect(groupDigits('739184620571')).to.deep.equal(['7391', '8462', '0571']);
    expect(groupDigits('')).to.deep.equal([]);
    const sizes = (n: number) => groupDigits('7'.repeat(n)).map((g) => g.length);
    expect(sizes(8)).to.deep.equal([4, 4]);
    expect(sizes(9)).to.deep.equal([3, 3, 3]);
    expect(sizes(13)).to.deep.equal([4, 3, 3, 3]);
    expect(sizes(16)).to.deep.equal([4, 4, 4, 4]);
    expect(sizes(19)).to.deep.equal([4, 4, 4, 4, 3]);
    for (let n = 8; n <= 19; n++) {
      expect(
        sizes(n).every((s) => s === 3 || s === 4),
        String(n),
      ).to.equal(true);
      expect(groupDigits('7'.repeat(n)).join('')).to.have.length(n);
    }
  });
});
