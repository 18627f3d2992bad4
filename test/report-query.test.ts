import { expect } from '@open-wc/testing';
import { dayRange, formatQuery, parseQuery } from '../src/policy/report-query.js';
import { spreadsheetSafe, toCsv } from '../src/policy/csv.js';
import { contactLogFilter } from '../src/elements/contact-log-report/contact-log-report.js';

describe('the report query syntax', () => {
  it('reads qualifiers, quoted values, comparisons and free words', () => {
    expect(parseQuery('type:client-alert  staff:"Tom Okafor" created:>=2026-11-01 hello "two words"')).to.deep.equal({
      terms: [
        { key: 'type', op: '', value: 'client-alert' },
        { key: 'staff', op: '', value: 'Tom Okafor' },
        { key: 'created', op: '>=', value: '2026-11-01' },
      ],
      words: ['hello', 'two words'],
    });
  });

  it('reads a quote inside a quoted value, and never throws on broken input', () => {
    expect(parseQuery('client:"Mark \\"Sparky\\" Ellison"').terms[0]!.value).to.equal('Mark "Sparky" Ellison');
    for (const broken of ['staff:"unclosed', ':', '::::', '"', 'a:"', '\\', 'x:>=', '<script>alert(1)</script>'])
      expect(() => parseQuery(broken), broken).not.to.throw();
    expect(parseQuery('staff:"unclosed').terms).to.deep.equal([{ key: 'staff', op: '', value: 'unclosed' }]);
  });

  it('writes a query back that reads the same', () => {
    for (const text of [
      'staff:"Tom Okafor" action:signed-in',
      'client:"A \\"B\\"" created:<2026-01-01',
      'staff:""',
      // A value that starts like a comparison is written quoted, or it would read back as one.
      'staff:"<script>alert(1)</script>"',
      'ip:"<203.0.113.9"',
      'ip:">=1"',
      'created:>"=2026-01-01"',
      'client:"back\\\\slash"',
    ]) {
      const { terms } = parseQuery(text);
      expect(parseQuery(formatQuery(terms)).terms, text).to.deep.equal(terms);
    }
  });

  it('turns a date qualifier into a half-open range of days, and refuses a date that does not exist', () => {
    expect(dayRange('', '2026-11-30')).to.deep.equal({ from: '2026-11-30', to: '2026-12-01' });
    expect(dayRange('>=', '2026-11-01')).to.deep.equal({ from: '2026-11-01' });
    expect(dayRange('>', '2026-12-31')).to.deep.equal({ from: '2027-01-01' });
    expect(dayRange('<=', '2028-02-28')).to.deep.equal({ to: '2028-02-29' });
    expect(dayRange('<', '2026-11-01')).to.deep.equal({ to: '2026-11-01' });
    for (const wrong of ['2026-02-30', '2026-13-01', '26-11-01', 'yesterday'])
      expect(dayRange('', wrong), wrong).to.equal(undefined);
  });

  it('maps contact log qualifiers to the backend’s parameters and names what it cannot read', () => {
    const { filter, wrong } = contactLogFilter(
      parseQuery(
        'type:client-alert subtype:red action:signed-in where:sign-in staff:"Tom Okafor" location:Riverside mood:happy action:>=x',
      ).terms,
    );
    expect(filter).to.deep.equal({
      type: 'client-alert',
      subtype: 'red',
      action: 'sign-in',
      context: 'sign-in',
      staff: 'Tom Okafor',
      location: 'Riverside',
    });
    expect(wrong.map((t) => t.key)).to.deep.equal(['mood', 'action']);
  });
});

describe('CSV for exports', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    // A formula sign composed with a combining mark by NFKC (`=` and U+0338 are `≠`) is still a formula as typed.
    for (const cell of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx', ' =\u0338 1', '\u3000＝1', '=\u0338'])
      expect(spreadsheetSafe(cell)).to.equal(`'${cell}`);
    for (const cell of ['Tom', '4=4', '', 'a@b.example']) expect(spreadsheetSafe(cell)).to.equal(cell);
  });

  it('quotes commas, quotes and line breaks, and ends each row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).to.equal('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
    expect(toCsv([['=HYPERLINK("x")']])).to.equal(`"'=HYPERLINK(""x"")"\r\n`);
  });
});
